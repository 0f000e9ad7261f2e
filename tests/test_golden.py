"""Golden tests: every sample's extraction equals its expected file.

Refresh after an intended change with:  conflictx check samples --update  (then review the diff).
"""
import json
from pathlib import Path

import pytest

from conflictx.check import compare, stable

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.mark.parametrize("txt", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_sample_matches_expected(txt):
    from conflictx.api import extract

    expected = json.loads(txt.with_name(txt.stem + ".expected.json").read_text(encoding="utf-8"))
    result = extract(txt.read_text(encoding="utf-8"), path=str(txt)).to_dict()
    assert "warnings" not in result, result["warnings"]
    assert compare(expected, stable(result)) == []


def test_dev_article_key_facts():
    """Facts a reader of the Karabakh sample would check first (not tuned: each is a general rule)."""
    from conflictx.api import extract

    txt = SAMPLES / "karabakh-offensive-2023.txt"
    out = extract(txt.read_text(encoding="utf-8"), path=str(txt)).to_dict()
    duals = [loc for loc in out["locations"] if len(loc["aliases"]) >= 1 and loc["kind"] == "city"]
    assert any(set([d["name"], *d["aliases"]]) >= {"Stepanakert", "Khankendi"} for d in duals)
    assert any(f["qualifier"] == "more_than" and f["value"] == 60 and f["category"] == "seized" for f in out["figures"])
    assert any(f["part_of"] is not None and f["value"] == 2 for f in out["figures"])
