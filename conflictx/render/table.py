"""Rich tables for people: one table per section, readable in 100 columns."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

QUALIFIER_WORDS = {"exact": "", "more_than": "more than ", "at_least": "at least ", "up_to": "up to ",
                   "at_most": "at most ", "about": "about ", "vague": "~"}


def _fmt_value(f: dict[str, Any]) -> str:
    def n(x):
        return f"{x:,.0f}" if isinstance(x, (int, float)) and float(x).is_integer() else str(x)
    if f["qualifier"] == "range":
        return f"{n(f['low'])}–{n(f['high'])}"
    return QUALIFIER_WORDS.get(f["qualifier"], "") + n(f["value"])


def render(record: dict[str, Any], console: Console, only: set[str] | None = None) -> None:
    src = record["source"]["path"]
    if "error" in record:
        console.print(f"[bold red]{src}[/]: {record['error']['message']}")
        return
    console.rule(f"[bold]{src}[/]  ({record['source'].get('chars', 0):,} chars, date {record.get('date') or 'unknown'})")
    want = (lambda s: only is None or s in only)
    if want("quotes"):
        t = Table(title="Who said what", show_lines=True, expand=True)
        t.add_column("Speaker", ratio=2)
        t.add_column("Kind", ratio=1)
        t.add_column("Quote", ratio=6)
        quotes = sorted(record.get("quotes", []), key=lambda q: (q["speaker"]["name"].lower(), q["start"]))
        for q in quotes:
            sp = q["speaker"]
            who = sp["name"] + (f"\n[dim]{sp['role']}[/]" if sp.get("role") else "")
            t.add_row(who, q["kind"], q["text"])
        console.print(t)
    if want("figures"):
        t = Table(title="Figures", expand=True)
        for col, ratio in (("Value", 2), ("Category", 2), ("Unit", 3), ("Claimed by", 3)):
            t.add_column(col, ratio=ratio)
        for f in record.get("figures", []):
            claim = f["source"] + (" (unverified)" if f.get("verified") is False else "")
            t.add_row(_fmt_value(f), f["category"], f.get("unit") or "", claim)
        console.print(t)
    if want("locations"):
        t = Table(title="Places", expand=True)
        for col, ratio, width in (("Name", 3, None), ("Also called", 3, None), ("Kind", 2, None),
                                  ("Country", 1, 7), ("Lat, lon", 2, 17), ("Mentions", 1, 8)):
            if width:
                t.add_column(col, width=width, no_wrap=True)
            else:
                t.add_column(col, ratio=ratio)
        for loc in record.get("locations", []):
            ll = f"{loc['lat']:.3f}, {loc['lon']:.3f}" if loc.get("lat") is not None else ""
            t.add_row(loc["name"], ", ".join(loc.get("aliases", [])), loc.get("kind") or "",
                      loc.get("country") or "", ll, str(len(loc.get("mentions", []))))
        console.print(t)
    if want("dates"):
        t = Table(title="Dates", expand=True)
        t.add_column("Phrase", ratio=3)
        t.add_column("Resolved", ratio=2)
        for d in record.get("dates", []):
            t.add_row(d["text"], d.get("value") or "")
        console.print(t)
    if want("entities"):
        t = Table(title="Entities", expand=True)
        t.add_column("Text", ratio=3)
        t.add_column("Label", ratio=1)
        seen = set()
        for e in record.get("entities", []):
            if (e["text"], e["label"]) not in seen:
                seen.add((e["text"], e["label"]))
                t.add_row(e["text"], e["label"])
        console.print(t)
