"""Quote rules on invented sentences (tests/cases/quotes.jsonl): positives and negatives.

Cases the current rules do not handle are listed in cases/known_failures.json with a reason;
they run as strict xfail, so fixing one makes the suite say so.
"""
import json
from pathlib import Path

import pytest

from conflictx.gazetteer import fold

CASES = Path(__file__).parent / "cases"
KNOWN = json.loads((CASES / "known_failures.json").read_text(encoding="utf-8"))


def load(name):
    out = []
    for line in (CASES / name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            c = json.loads(line)
            marks = [pytest.mark.xfail(reason=KNOWN[c["id"]], strict=True)] if c["id"] in KNOWN else []
            out.append(pytest.param(c, id=c["id"], marks=marks))
    return out


UNRESOLVED = {"he", "she", "it", "they", "we", "officials", "official"}   # never a speaker on their own


def speaker_matches(expected, got):
    e, g = fold(expected), fold(got)
    if g in UNRESOLVED and e != g:   # (unless the case says the pronoun stays unresolved)
        return False
    return e == g or e in g or (len(g) > 3 and g in e)


@pytest.mark.parametrize("case", load("quotes.jsonl"))
def test_quote_case(case, run):
    out = run(case["text"])
    quotes = out["quotes"]
    for exp in case["expect"]:
        hits = [q for q in quotes if exp["content"] in q["text"]]
        assert hits, f"no quote contains {exp['content']!r}; got {[q['text'] for q in quotes]}"
        assert any(speaker_matches(exp["speaker"], q["speaker"]["name"]) for q in hits), \
            f"speaker {[q['speaker']['name'] for q in hits]} != {exp['speaker']!r}"
        if "kind" in exp:
            assert any(q["kind"] == exp["kind"] for q in hits), f"kind {[q['kind'] for q in hits]} != {exp['kind']}"
    for bad in case.get("forbid_speakers", []):
        assert not any(q["speaker"]["name"] == bad for q in quotes), f"speaker {bad!r} given"
    for bad in case.get("forbid", []):
        assert not any(q["text"].strip(" ,.") == bad.strip(" ,.") or bad in q["text"] for q in quotes), \
            f"forbidden {bad!r} extracted"
    if not case["expect"]:
        assert quotes == [], f"expected no quotes, got {[q['text'] for q in quotes]}"
    text = case["text"]
    for q in quotes:
        assert text[q["start"]:q["end"]] == q["text"]


def test_he_is_never_a_body():
    """With no person named before it, "he" stays unresolved rather than becoming the army."""
    import conflictx

    out = conflictx.extract("The army said on Monday that 40 masts had been destroyed.\n\n"
                            "“We will not stop until the valley is free,” he said.").to_dict()
    direct = next(q for q in out["quotes"] if q["text"].startswith("We will not stop"))
    assert direct["speaker"]["name"] != "army"
