"""Rule tests use invented sentences: none may share a six-word run with an evaluation article
(the repository's eval sets, and the shared dev sets when they sit next to the checkout)."""
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [*ROOT.glob("eval/*/articles/*.txt"), *ROOT.parent.glob("shared/dev*/articles/*.txt")]


def runs(text: str, n: int = 6) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_rule_tests_share_no_six_word_run_with_evaluation_articles():
    seen = set().union(*(runs(p.read_text(encoding="utf-8")) for p in ARTICLES))
    texts = [json.loads(line)["text"] for name in ("quotes.jsonl", "figures.jsonl")
             for line in (ROOT / "tests" / "cases" / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    for name in ("test_places.py", "test_dates.py"):
        texts += re.findall(r'"([^"\n]{30,})"', (ROOT / "tests" / name).read_text(encoding="utf-8"))
    shared = [(t[:60], sorted(runs(t) & seen)[:2]) for t in texts if runs(t) & seen]
    assert len(ARTICLES) >= 40 and not shared, shared
