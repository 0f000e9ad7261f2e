"""Figure rules on invented sentences (tests/cases/figures.jsonl): value, qualifier, unit, category."""
import pytest

from test_quote_cases import load


@pytest.mark.parametrize("case", load("figures.jsonl"))
def test_figure_case(case, run):
    out = run(case["text"])
    figs = out["figures"]
    for exp in case["expect"]:
        hits = [f for f in figs if f["value"] == exp["value"] and f["category"] == exp["category"]]
        assert hits, f"no figure {exp['value']} {exp['category']}; got {[(f['value'], f['category']) for f in figs]}"
        f = hits[0]
        assert f["qualifier"] == exp["qualifier"], (f["qualifier"], exp["qualifier"])
        if exp.get("unit"):
            assert f["unit"] and (exp["unit"] in f["unit"] or f["unit"] in exp["unit"]), (f["unit"], exp["unit"])
        if "high" in exp:
            assert (f["low"], f["high"]) == (exp["low"], exp["high"])
    for bad in case.get("absent", []):
        assert not any(f["value"] == bad["value"] and f["category"] == bad["category"] for f in figs), bad
    for v in case.get("absent_values", []):
        assert not any(f["value"] == v for f in figs), f"{v} should not be a figure"
    text = case["text"]
    for f in figs:
        assert text[f["start"]:f["end"]] == f["text"]
