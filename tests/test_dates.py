"""Date resolution against the article date."""
import pytest

from conflictx.dates import resolve


@pytest.mark.parametrize("phrase, ref, expected", [
    ("Tuesday", "2024-05-14", "2024-05-14"),        # a Tuesday article: that same day
    ("on Tuesday", "2024-05-16", "2024-05-14"),     # Thursday article: two days earlier, not a week
    ("last Tuesday", "2024-05-14", "2024-05-07"),
    ("Sunday", "2024-05-14", "2024-05-12"),
    ("2020", None, "2020"),
    ("March 3, 2022", None, "2022-03-03"),
    ("yesterday", "2024-05-14", "2024-05-13"),
    ("March 4", None, None),                         # no year and no article date: not guessed
    ("the 1990s", "2024-05-14", None),
    ("daily", "2024-05-14", None),
])
def test_resolve(phrase, ref, expected):
    import datetime as dt

    assert resolve(phrase, dt.date.fromisoformat(ref) if ref else None) == expected


def test_article_dateline_sets_reference(run):
    out = run("KYIV, March 5, 2024 (Reuters) - Officials said on Tuesday that 12 people were killed.")
    assert out["date"] == "2024-03-05"
    tue = next(d for d in out["dates"] if d["text"] == "Tuesday")
    assert tue["value"] == "2024-03-05"


def test_cli_date_option_wins(run):
    out = run("Rebels said on Friday that the road was closed.", date="2024-05-14")
    assert next(d for d in out["dates"] if "Friday" in d["text"])["value"] == "2024-05-10"
