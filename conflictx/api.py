"""The Python API: ``extract`` and ``extract_many``; the CLI is built on these."""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from .result import Result

CHUNK_CHARS = 20_000   # articles longer than this are processed in paragraph-aligned chunks (a batch of
#                        8 chunks of 20 kB keeps the parser's working memory near that of 8 articles)
LONG_RUN = re.compile(r"\S{200,}")   # no word is this long; spaCy's affix rules are slow on such runs
RUN_BREAK = 50
WORKER_BATCH = 8   # articles per task sent to a worker process (parsed together, as nlp.pipe batches:
#                    the small model parses fastest per article at 6-8, about 5 % faster than at 4)
TAIL_BATCH = 2     # ... and per task at the end of the stream, so the workers finish at about the same time


def defuse(text: str) -> str:
    """The text spaCy sees: same length, but runs of 200+ non-space characters get a space every
    50 characters, so the tokenizer stays fast on junk. Item texts are re-read from the original."""
    if not LONG_RUN.search(text):
        return text
    def breakup(m: re.Match) -> str:
        run = m.group(0)
        return "".join(" " if i % RUN_BREAK == RUN_BREAK - 1 else ch for i, ch in enumerate(run))
    return LONG_RUN.sub(breakup, text)


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


def _items(items: Iterable) -> Iterator[tuple[str, str, str | None]]:
    for idx, item in enumerate(items):
        if isinstance(item, str):
            yield item, f"<text {idx}>", None
        else:
            text, path, enc = (tuple(item) + (None, None))[:3]
            yield text, path, enc


def _extract_serial(nlp, items: Iterable[tuple[str, str, str | None]], batch_size: int) -> Iterator[Result]:
    def pieces():
        for idx, (text, path, enc) in enumerate(items):
            shadow = defuse(text)
            chunks = list(_chunks(shadow)) if len(shadow) > CHUNK_CHARS else [(0, shadow)]
            for n, (offset, piece) in enumerate(chunks):
                yield piece, (idx, n, len(chunks), offset, text, path, enc)

    pending: list[Result] = []
    for doc, (idx, n, total, offset, text, path, enc) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        res = Result.from_doc(doc, path, text=text, encoding=enc)
        pending.append(res.shifted(offset) if offset else res)
        if n == total - 1:
            yield _merge(pending).resync(text)
            pending = []


_WORKER: dict = {}


def _worker_init(model: str | None, date: str | None) -> None:
    from .pipeline import load

    _WORKER["nlp"] = load(model, date)


def _worker_extract(items: list[tuple[str, str, str | None]]) -> list[Result]:
    return list(_extract_serial(_WORKER["nlp"], items, batch_size=len(items)))


def _tasks(items: Iterable, size: int, hold: int) -> Iterator[list]:
    """Lists of ``size`` items, except that the last ``hold`` or so items of the stream go out
    ``TAIL_BATCH`` at a time: a worker left with one big task at the end would keep the others idle."""
    from collections import deque

    buffer: deque = deque()
    for item in items:
        buffer.append(item)
        if len(buffer) >= size + hold:
            yield [buffer.popleft() for _ in range(size)]
    while buffer:
        yield [buffer.popleft() for _ in range(min(TAIL_BATCH, len(buffer)))]


def extract_many(items: Iterable, *, date: str | None = None, model: str | None = None,
                 n_process: int = 1, batch_size: int = 8) -> Iterator[Result]:
    """Results for many texts, in input order. ``items`` are texts or (text, path, encoding) tuples.

    With ``n_process`` > 1 articles go to a pool of worker processes, each with its own pipeline;
    at most a few articles per worker are in flight, so memory stays flat on long streams."""
    from .pipeline import load

    nlp = load(model, date)
    if n_process <= 1:
        yield from _extract_serial(nlp, _items(items), batch_size)
        return
    import gc
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    window = deque()
    # forked workers share the loaded model copy-on-write; frozen objects are left alone by the
    # cycle collector, so the workers' collections do not copy the model's pages one by one
    gc.collect()
    gc.freeze()
    try:
        with ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_worker_init, initargs=(model, date)) as pool:
            for batch in _tasks(_items(items), WORKER_BATCH, hold=n_process * WORKER_BATCH):
                window.append(pool.submit(_worker_extract, batch))
                if len(window) >= n_process * 2:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()
    finally:
        gc.unfreeze()


def extract(text: str, *, date: str | None = None, model: str | None = None, path: str = "<text>") -> Result:
    """Extract quotes, figures, places, dates and entities from one article's text."""
    return next(extract_many([(text, path, None)], date=date, model=model))
