"""``conflictx check``: compare extractions of sample texts with their expected files.

For each ``<name>.txt`` beside a ``<name>.expected.json``: extract, compare per quote, figure
and place, and report what was added, lost or changed. ``<name>.must.json`` (optional) lists
facts that must be present, without pinning the rest: {"must_include": {"quotes": [...], ...}}.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

KEYS: dict[str, Callable[[dict[str, Any]], tuple]] = {
    "quotes": lambda q: (q["start"], q["end"]),
    "figures": lambda f: (f["start"], f["end"]),
    "locations": lambda loc: (loc["name"],),
}
SHOWN: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "quotes": lambda q: {"speaker": q["speaker"]["name"], "kind": q["kind"], "text": q["text"]},
    "figures": lambda f: {k: f.get(k) for k in ("text", "value", "low", "high", "qualifier", "unit", "category", "source", "part_of")},
    "locations": lambda loc: {k: loc.get(k) for k in ("name", "aliases", "kind", "country", "lat", "lon", "name_users")},
}


def compare(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """Readable differences, one line per added, lost or changed item."""
    lines = []
    for section, key in KEYS.items():
        exp = {key(x): SHOWN[section](x) for x in expected.get(section, [])}
        act = {key(x): SHOWN[section](x) for x in actual.get(section, [])}
        for k in exp.keys() - act.keys():
            lines.append(f"  - lost {section[:-1]}: {json.dumps(exp[k], ensure_ascii=False)}")
        for k in act.keys() - exp.keys():
            lines.append(f"  + added {section[:-1]}: {json.dumps(act[k], ensure_ascii=False)}")
        for k in exp.keys() & act.keys():
            if exp[k] != act[k]:
                changed = {f: (exp[k].get(f), act[k].get(f)) for f in exp[k] if exp[k].get(f) != act[k].get(f)}
                desc = ", ".join(f"{f}: {a!r} -> {b!r}" for f, (a, b) in changed.items())
                lines.append(f"  ~ changed {section[:-1]} {json.dumps(exp[k], ensure_ascii=False)[:80]}: {desc}")
    return sorted(lines)


def missing_facts(must: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """Facts listed under must_include that the extraction lacks (each a subset of an item's fields)."""
    lines = []
    for section, facts in must.get("must_include", {}).items():
        shown = [SHOWN[section](x) if section in SHOWN else x for x in actual.get(section, [])]
        for fact in facts:
            if not any(all(item.get(k) == v or (isinstance(v, str) and isinstance(item.get(k), str) and v in item[k])
                           for k, v in fact.items()) for item in shown):
                lines.append(f"  - missing {section[:-1]}: {json.dumps(fact, ensure_ascii=False)}")
    return lines


def stable(record: dict[str, Any]) -> dict[str, Any]:
    """The parts of a result worth pinning in an expected file (no model version, no hashes)."""
    return {"source": {"path": Path(record["source"]["path"]).name}, "date": record.get("date"),
            **{s: record.get(s, []) for s in ("quotes", "figures", "locations", "dates")}}


def run_check(samples: Path, update: bool, model: str | None, date: str | None) -> tuple[int, list[str]]:
    from .api import extract
    from .textio import read_article

    report, failed = [], 0
    texts = sorted(samples.glob("*.txt"))
    for txt in texts:
        exp_path = txt.with_name(txt.stem + ".expected.json")
        must_path = txt.with_name(txt.stem + ".must.json")
        if not exp_path.exists() and not must_path.exists() and not update:
            continue
        art = read_article(str(txt))
        actual = stable(extract(art.text, date=date, model=model, path=str(txt)).to_dict())
        if update:
            exp_path.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            report.append(f"updated {exp_path}")
            continue
        diffs = []
        if exp_path.exists():
            diffs += compare(json.loads(exp_path.read_text(encoding="utf-8")), actual)
        if must_path.exists():
            diffs += missing_facts(json.loads(must_path.read_text(encoding="utf-8")), actual)
        if diffs:
            failed += 1
            report.append(f"FAIL {txt.name}")
            report.extend(diffs)
        else:
            report.append(f"ok   {txt.name}")
    return failed, report
