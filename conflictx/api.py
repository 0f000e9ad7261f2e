"""The Python API: ``extract`` and ``extract_many``; the CLI is built on these."""
from __future__ import annotations

from typing import Iterable, Iterator

from .result import Result

CHUNK_CHARS = 100_000   # articles longer than this are processed in paragraph-aligned chunks


def _chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pairs covering text, cut at paragraph (or line, or space) breaks."""
    start = 0
    n = len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            for sep in ("\n\n", "\n", " "):
                cut = text.rfind(sep, start + size // 2, end)
                if cut > start:
                    end = cut + len(sep)
                    break
        yield start, text[start:end]
        start = end


def _merge(parts: list[Result]) -> Result:
    first = parts[0]
    for other in parts[1:]:
        first.quotes += other.quotes
        first.figures += other.figures
        first.dates += other.dates
        first.entities += other.entities
        first.warnings += other.warnings
        by_key = {(loc.kind, loc.country, loc.geonameid, loc.name): loc for loc in first.locations}
        for loc in other.locations:
            same = by_key.get((loc.kind, loc.country, loc.geonameid, loc.name))
            if same is None:
                first.locations.append(loc)
            else:
                same.mentions += loc.mentions
                same.aliases += [a for a in loc.aliases if a not in same.aliases]
    return first


def extract_many(items: Iterable, *, date: str | None = None, model: str | None = None,
                 n_process: int = 1, batch_size: int = 8) -> Iterator[Result]:
    """Results for many texts, in input order. ``items`` are texts or (text, path, encoding) tuples."""
    from .pipeline import load

    nlp = load(model, date)

    def pieces():
        for idx, item in enumerate(items):
            if isinstance(item, str):
                text, path, enc = item, f"<text {idx}>", None
            else:
                text, path, enc = (tuple(item) + (None, None))[:3]
            chunks = list(_chunks(text)) if len(text) > CHUNK_CHARS else [(0, text)]
            for n, (offset, piece) in enumerate(chunks):
                yield piece, (idx, n, len(chunks), offset, text, path, enc)

    pending: list[Result] = []
    for doc, (idx, n, total, offset, text, path, enc) in nlp.pipe(pieces(), as_tuples=True,
                                                                  n_process=n_process, batch_size=batch_size):
        res = Result.from_doc(doc, path, text=text, encoding=enc)
        pending.append(res.shifted(offset) if offset else res)
        if n == total - 1:
            yield _merge(pending)
            pending = []


def extract(text: str, *, date: str | None = None, model: str | None = None, path: str = "<text>") -> Result:
    """Extract quotes, figures, places, dates and entities from one article's text."""
    return next(extract_many([(text, path, None)], date=date, model=model))
