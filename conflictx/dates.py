"""Dates: DATE/TIME entities resolved against the article's date (``--date`` or its dateline).

Only the entity spans are given to dateparser, never the whole text. A weekday ("on Tuesday")
is the most recent such day on or before the article's date, as news style intends.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.tokens import Doc

from .result import DateItem

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
YEAR = re.compile(r"^(?:in |since |by |until |the year )?((?:1[5-9]|20)\d\d)$")
DATE_WORDS = re.compile(r"\d|january|february|march|april|may|june|july|august|september|october|"
                        r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
                        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
                        r"tomorrow|week|month|year|ago|last|next|this", re.I)
LEADING = re.compile(r"^(?:on|in|since|from|until|by|the|of|last|this)\s+", re.I)


def _settings(ref: dt.date | None) -> dict:
    s = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if ref:
        s["RELATIVE_BASE"] = dt.datetime(ref.year, ref.month, ref.day)
    return s


@lru_cache(maxsize=8)
def _parser(ref: dt.date | None):
    """One dateparser parser per reference date: ``dateparser.parse(languages=...)`` builds a new
    parser (and compiles its locale patterns) on every call."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=_settings(ref))


def _parse(text: str, ref: dt.date | None) -> dt.datetime | None:
    try:
        return _parser(ref).get_date_data(text).date_obj
    except Exception:  # dateparser raises assorted errors on odd input  # noqa: BLE001
        return None


def resolve(text: str, ref: dt.date | None) -> str | None:
    """The ISO value of a date phrase, or None when it cannot be pinned down."""
    t = " ".join(text.split())
    if len(t) > 80 or not DATE_WORDS.search(t):
        return None
    m = YEAR.match(t.lower())
    if m:
        return m.group(1)
    if re.search(r"\d0s\b|\d0's\b", t):
        return None   # a decade ("the 1990s") is not a date
    low = t.lower()
    core = low
    while LEADING.match(core):
        core = LEADING.sub("", core, count=1)
    if core in WEEKDAYS:
        if ref is None:
            return None
        back = (ref.weekday() - WEEKDAYS.index(core)) % 7
        if low.startswith("last "):
            back = back or 7
        return (ref - dt.timedelta(days=back)).isoformat()
    has_year = bool(re.search(r"\b(1[5-9]|20)\d\d\b", t))
    relative = bool(re.search(r"today|yesterday|tomorrow|ago|last|next|this", low))
    if ref is None and not has_year:
        return None
    if not has_year and not relative and not re.search(r"\d|january|february|march|april|may|june|july|"
                                                        r"august|september|october|november|december", low):
        return None
    parsed = _parse(core, ref)
    if parsed is None:
        return None
    if re.fullmatch(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?: (?:1[5-9]|20)\d\d)?", core):
        return parsed.strftime("%Y-%m")
    return parsed.date().isoformat()


def find_reference_date(doc: Doc) -> str | None:
    """The article's own date from its first lines (dateline or 'Published ...'), when it has a year."""
    for ent in doc.ents:
        if ent.start_char > 400:
            break
        if ent.label_ == "DATE" and re.search(r"\b(19|20)\d\d\b", ent.text) and re.search(r"[A-Za-z]", ent.text):
            parsed = _parse(ent.text, None)
            if parsed is not None:
                return parsed.date().isoformat()
    return None


def find_dates(doc: Doc, reference: str | None) -> list[DateItem]:
    ref = None
    if reference:
        try:
            ref = dt.date.fromisoformat(reference)
        except ValueError:
            ref = None
    out = []
    for ent in doc.ents:
        if ent.label_ in {"DATE", "TIME"}:
            out.append(DateItem(ent.text, ent.start_char, ent.end_char, resolve(ent.text, ref), ent.label_))
    return out
