"""Property tests: any text gives output that validates and whose offsets slice the input."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictx.schema import validate

WORDS = st.sampled_from(["said", "“", "”", '"', "killed", "12", "more than", "Dunmoor", "Mr", "Belk",
                         "\n\n", ",", ".", "including", "two", "civilians", "he", "according to", "in",
                         "Harrowgate", "(", ")", "called", "on", "dozens", "–", "2019", "Monday"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=80).map(" ".join)))
def test_any_text_validates_and_offsets_hold(run, text):
    out = run(text)
    validate(out)
    for section in ("quotes", "figures", "locations", "dates", "entities"):
        for item in out[section]:
            assert text[item["start"]:item["end"]] == item["text"]
    assert "warnings" not in out, out.get("warnings")
