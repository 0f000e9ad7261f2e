"""The output contract: typed items and the Result that turns a Doc into JSON-ready data.

Components put these dataclasses on ``Doc`` extensions; renderers read only ``Result``.
Every item carries ``text``/``start``/``end``: character offsets into the article text.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from . import SCHEMA_VERSION


@dataclass
class Speaker:
    name: str
    mention: str
    role: str | None = None
    type: str = "unknown"          # person | organisation | government | group | unknown
    represents: str | None = None  # the country a capital/seat of power stands for
    start: int | None = None       # offsets of the mention
    end: int | None = None


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: str                      # direct | indirect | mixed
    speaker: Speaker
    cue: str | None = None


@dataclass
class Figure:
    text: str
    start: int
    end: int
    value: float | int
    low: float | int | None
    high: float | int | None
    qualifier: str
    unit: str | None
    category: str
    source: str = "the article"
    verified: bool | None = None
    part_of: int | None = None     # index of the figure this one is part of


@dataclass
class Mention:
    text: str
    start: int
    end: int


@dataclass
class Location:
    text: str
    start: int
    end: int
    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    mentions: list[Mention] = field(default_factory=list)
    name_users: dict[str, str] = field(default_factory=dict)


@dataclass
class DateItem:
    text: str
    start: int
    end: int
    value: str | None              # ISO date (YYYY-MM-DD), or YYYY-MM / YYYY, or None
    label: str = "DATE"


@dataclass
class Entity:
    text: str
    start: int
    end: int
    label: str


@dataclass
class Result:
    source: dict[str, Any]
    model: dict[str, Any]
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    dates: list[DateItem] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    date: str | None = None        # the reference date used for resolving relative dates
    warnings: list[str] = field(default_factory=list)

    SECTIONS = ("quotes", "figures", "locations", "dates", "entities")

    @classmethod
    def from_doc(cls, doc, path: str, text: str | None = None, encoding: str | None = None) -> "Result":
        text = doc.text if text is None else text
        nlp_meta = getattr(doc, "_", None) and doc._.conflictx_model or {}
        source = {"path": path, "chars": len(text),
                  "sha256": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()}
        if encoding:
            source["encoding"] = encoding
        return cls(source=source, model=dict(nlp_meta),
                   quotes=list(doc._.quotes), figures=list(doc._.figures),
                   locations=list(doc._.places), dates=list(doc._.dates),
                   entities=list(doc._.conflictx_entities), date=doc._.article_date,
                   warnings=list(doc._.conflictx_warnings or []))

    def spans(self):
        """Every object that carries offsets: items, speakers and place mentions."""
        for q in self.quotes:
            yield q
            yield q.speaker
        yield from self.figures
        yield from self.dates
        yield from self.entities
        for loc in self.locations:
            yield loc
            yield from loc.mentions

    def shifted(self, offset: int) -> "Result":
        """Move every offset by ``offset`` (used when a long article is processed in chunks)."""
        for obj in self.spans():
            if obj.start is not None:
                obj.start += offset
                obj.end += offset
        return self

    def resync(self, text: str) -> "Result":
        """Re-read every item's text from the original article at its offsets (speakers keep
        their mention, which is the same text)."""
        for obj in self.spans():
            if obj.start is not None and hasattr(obj, "text"):
                obj.text = text[obj.start:obj.end]
        return self

    def to_dict(self, only: set[str] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "source": self.source,
                               "model": self.model, "date": self.date}
        for name in self.SECTIONS:
            if only is None or name in only:
                out[name] = [asdict(x) for x in getattr(self, name)]
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out


def error_record(path: str, exc_type: str, message: str) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "source": {"path": path}, "error": {"type": exc_type, "message": message}}
