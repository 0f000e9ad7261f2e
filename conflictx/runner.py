"""Batch runs for the CLI: read inputs, extract in order, write records, collect failures."""
from __future__ import annotations

import sys
from typing import Any

from .result import error_record
from .textio import InputError, read_article


def _articles(paths: list[str], failures: dict[int, dict[str, Any]]):
    """Readable articles as (text, path, encoding); unreadable ones go into ``failures`` by position."""
    for pos, path in enumerate(paths):
        try:
            data = sys.stdin.buffer.read() if path == "-" else None
            art = read_article("<stdin>" if path == "-" else path, data)
        except InputError as exc:
            failures[pos] = error_record(path, "InputError", str(exc))
            continue
        if not art.text.strip():
            failures[pos] = error_record(path, "EmptyInput", "no text in this input")
            continue
        yield art.text, (pos, art.path, art.encoding)


def run(paths: list[str], *, fmt: str, model: str | None, date: str | None, only: set[str] | None,
        section: str, jobs: int, quiet: bool) -> int:
    from rich.console import Console

    from .api import extract_many
    from .pipeline import ModelError, load
    from .render.jsonout import write_json, write_jsonl

    err = Console(stderr=True)
    try:
        load(model, date)
    except ModelError as exc:
        err.print(f"conflictx: {exc}", markup=False, highlight=False)
        return 2
    failures: dict[int, dict[str, Any]] = {}
    out_console = Console() if fmt == "table" else None
    collected: list[dict[str, Any]] = []
    next_pos = 0
    show_progress = not quiet and len(paths) > 3 and sys.stderr.isatty()
    progress = None
    if show_progress:
        from rich.progress import Progress

        progress = Progress(console=err, transient=True)
        progress.start()
        task = progress.add_task("Extracting", total=len(paths))

    def emit(record: dict[str, Any]) -> None:
        if "error" in record and not quiet:
            err.print(f"conflictx: {record['source']['path']}: {record['error']['message']}", markup=False, highlight=False)
        if fmt == "jsonl":
            write_jsonl(record, sys.stdout)
        elif fmt == "table":
            from .render.table import render

            render(record, out_console, only)
        else:
            collected.append(record)
        if progress is not None:
            progress.advance(task)

    items = ((text, path, (pos, enc)) for text, (pos, path, enc) in _articles(paths, failures))
    meta: list[tuple[int, str]] = []
    texts: dict[str, str] = {}     # kept only for the html page, which shows the articles

    def feed():
        for text, path, (pos, enc) in items:
            meta.append((pos, path))
            if fmt == "html":
                texts[path] = text
            yield text, path, enc
    try:
        for result in extract_many(feed(), date=date, model=model, n_process=jobs):
            pos, _ = meta.pop(0)
            while next_pos < pos:
                if next_pos in failures:
                    emit(failures[next_pos])
                next_pos += 1
            emit(result.to_dict(only))
            next_pos = pos + 1
        while next_pos < len(paths):
            if next_pos in failures:
                emit(failures[next_pos])
            next_pos += 1
    finally:
        if progress is not None:
            progress.stop()
    if fmt == "json":
        write_json(collected, sys.stdout)
    elif fmt == "csv":
        from .render.csvout import write_csv

        write_csv([r for r in collected if "error" not in r], section, sys.stdout)
    elif fmt == "html":
        from .render.html import write_html

        write_html(collected, texts, sys.stdout)
    elif fmt == "geojson":
        from .render.geojson import write_geojson

        write_geojson([r for r in collected if "error" not in r], sys.stdout)
    return 1 if failures else 0
