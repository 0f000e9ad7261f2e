"""One self-contained HTML page, in the spirit of displaCy: the article with highlighted spans
(quotes, figures, place mentions) and tables that link to and from the highlights.

The page needs nothing from the network: CSS is inline, and a few lines of JS only make a click
anywhere on a highlight jump to its table row (the small labels are plain links and work without JS).
"""
from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field
from html import escape
from typing import IO, Any

KIND_NAMES = {"direct": "direct quote", "indirect": "indirect (reported) speech", "mixed": "mixed quote"}
QUALIFIER_WORDS = {"exact": "", "more_than": "more than ", "at_least": "at least ", "up_to": "up to ",
                   "at_most": "at most ", "about": "about ", "vague": "~"}
RANK = {"q": 0, "f": 1, "l": 2}    # at equal offsets: quotes outside figures outside places

CSS = """
:root{--ink:#1f2328;--dim:#656d76;--line:#d0d7de;--direct:#fbd38d;--indirect:#bee3f8;--mixed:#d6bcfa;
--fig:#feb2b2;--place:#9ae6b4}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--ink);background:#f6f8fa}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:1.5em;margin:0 0 .3em}
h2{font-size:1.25em;margin:0;word-break:break-all}
h3{font-size:1.05em;margin:1.6em 0 .5em}
.meta,.muted{color:var(--dim);font-size:.85em}
nav ol{margin:.3em 0 0;padding-left:1.4em}
.legend{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:center;font-size:.85em;margin:.8em 0 0}
.legend span{display:inline-block;padding:.1em .5em;border-radius:.3em}
article{background:#fff;border:1px solid var(--line);border-radius:8px;padding:20px 24px;margin:24px 0}
.error{border-color:#f5a3a3;background:#fff5f5}
.error pre{white-space:pre-wrap;margin:.5em 0 0;color:#9b1c1c}
.doc{font-family:Georgia,"Times New Roman",serif;font-size:17px;line-height:2.3;margin-top:1em}
.doc p{margin:0 0 .9em;white-space:pre-wrap}
mark{color:inherit;padding:.18em .2em;border-radius:.3em;cursor:pointer;
-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark mark{padding:.05em .15em}
mark.q-direct{background:var(--direct)}
mark.q-indirect{background:var(--indirect)}
mark.q-mixed{background:var(--mixed)}
mark.q{border-bottom:2px solid rgba(0,0,0,.25)}
mark.f{background:var(--fig);font-weight:600}
mark.l{background:var(--place)}
mark:target,mark.hit{outline:2px solid #d97706;outline-offset:1px}
a.lbl{text-decoration:none;color:var(--ink)}
a.lbl::after{content:attr(data-label);font:600 10.5px/1 system-ui,sans-serif;letter-spacing:.02em;
margin-left:.35em;padding:.15em .35em;border-radius:.25em;background:rgba(255,255,255,.75);
vertical-align:.15em;white-space:nowrap}
mark.q>a.lbl::after{content:"\\2014\\00a0" attr(data-label);background:rgba(0,0,0,.07);font-style:italic}
mark.l>a.lbl::after{background:none;color:#276749;font-weight:500;margin-left:.2em;padding:0 .1em}
a.lbl:hover::after{background:#fff;text-decoration:underline}
table{border-collapse:collapse;width:100%;font-size:.9em;background:#fff}
th,td{border-bottom:1px solid var(--line);padding:.35em .5em;text-align:left;vertical-align:top}
thead th{background:#f0f3f6;font-size:.85em;text-transform:uppercase;letter-spacing:.04em;color:var(--dim)}
tbody.speaker th{background:#fafbfc;font-weight:600}
tbody.speaker th .muted{font-weight:400}
tr:target{background:#fff3c4}
td.num{white-space:nowrap;font-variant-numeric:tabular-nums}
a.back{text-decoration:none;font-size:.85em;padding:0 .2em}
.kind{display:inline-block;padding:0 .4em;border-radius:.3em;font-size:.85em}
.kind.direct{background:var(--direct)}.kind.indirect{background:var(--indirect)}.kind.mixed{background:var(--mixed)}
.empty{color:var(--dim);font-style:italic}
"""

JS = """document.addEventListener("click",function(e){
var m=e.target.closest&&e.target.closest("mark[data-row]");
if(m&&!e.target.closest("a")&&!String(window.getSelection()))location.hash=m.dataset.row;});"""


@dataclass
class _Span:
    key: str                       # e.g. "q3", "f0", "l2-m5" (unique within one article)
    start: int
    end: int
    cls: str                       # CSS classes
    row: str                       # key of the table row this highlight belongs to
    label: str
    title: str


@dataclass
class _Piece:
    span: _Span
    start: int
    end: int
    children: list["_Piece"] = field(default_factory=list)
    first: bool = False            # carries the id (link target)
    last: bool = False             # carries the label link


def _num(x: Any) -> str:
    if isinstance(x, (int, float)) and not isinstance(x, bool) and float(x).is_integer():
        return f"{x:,.0f}"
    return "" if x is None else str(x)


def _fmt_value(f: dict[str, Any]) -> str:
    if f.get("qualifier") == "range":
        return f"{_num(f.get('low'))}–{_num(f.get('high'))}"
    return QUALIFIER_WORDS.get(f.get("qualifier") or "", "") + _num(f.get("value"))


def _valid(item: dict[str, Any], n: int) -> bool:
    s, e = item.get("start"), item.get("end")
    return isinstance(s, int) and isinstance(e, int) and 0 <= s < e and s < n


def _spans(record: dict[str, Any], n: int) -> list[_Span]:
    out: list[_Span] = []
    for i, q in enumerate(record.get("quotes", [])):
        if _valid(q, n):
            sp = q.get("speaker") or {}
            who = sp.get("name") or "unknown speaker"
            extra = f", {sp['role']}" if sp.get("role") else ""
            cue = f" (cue: {q['cue']})" if q.get("cue") else ""
            out.append(_Span(f"q{i}", q["start"], q["end"], f"q q-{q.get('kind', 'indirect')}", f"q{i}", who,
                             f"{KIND_NAMES.get(q.get('kind'), q.get('kind'))} — {who}{extra}{cue}"))
    for i, f in enumerate(record.get("figures", [])):
        if _valid(f, n):
            val = _fmt_value(f)
            unit = f" {f['unit']}" if f.get("unit") else ""
            claim = f"; claimed by {f['source']}" if f.get("source") else ""
            out.append(_Span(f"f{i}", f["start"], f["end"], "f", f"f{i}", f"{val} · {f.get('category')}",
                             f"figure: {val}{unit} — {f.get('category')}{claim}"))
    for i, loc in enumerate(record.get("locations", [])):
        desc = ", ".join(x for x in (loc.get("kind"), loc.get("country")) if x)
        for j, m in enumerate(loc.get("mentions", [])):
            if _valid(m, n):
                out.append(_Span(f"l{i}-m{j}", m["start"], m["end"], "l", f"l{i}", loc.get("name") or m.get("text", ""),
                                 f"place: {loc.get('name')}" + (f" ({desc})" if desc else "")))
    return out


def _paragraphs(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_paragraph) runs covering text: paragraphs and the blank-line gaps between them."""
    runs: list[tuple[int, int, bool]] = []
    pos = 0
    for m in re.finditer(r"\n[^\S\n]*\n\s*|\A\s+|\s+\Z", text):
        if m.start() > pos:
            runs.append((pos, m.start(), True))
        if m.end() > max(m.start(), pos):
            runs.append((max(m.start(), pos), m.end(), False))
        pos = max(pos, m.end())
    if pos < len(text):
        runs.append((pos, len(text), True))
    return runs


def _nest(spans: list[_Span], lo: int, hi: int) -> list[_Piece]:
    """A proper tree of pieces within [lo, hi): longer/earlier spans outside; a span that crosses the
    end of the span it starts in is split there and the rest goes on after it."""
    heap: list[tuple[int, int, int, int, _Span]] = []
    seq = 0
    for s in spans:
        a, b = max(s.start, lo), min(s.end, hi)
        if a < b:
            heap.append((a, -b, RANK[s.key[0]], seq, s))
            seq += 1
    heapq.heapify(heap)
    root = _Piece(_Span("", lo, hi, "", "", "", ""), lo, hi)
    stack = [root]
    while heap:
        a, neg_b, rank, _, s = heapq.heappop(heap)
        b = -neg_b
        while len(stack) > 1 and stack[-1].end <= a:
            stack.pop()
        top = stack[-1]
        if b > top.end:                       # crosses the enclosing span: split off the rest
            heapq.heappush(heap, (top.end, -b, rank, seq, s))
            seq += 1
            b = top.end
        piece = _Piece(s, a, b)
        top.children.append(piece)
        stack.append(piece)
    return root.children


def _emit(text: str, pieces: list[_Piece], lo: int, hi: int, aid: str, out: list[str]) -> None:
    pos = lo
    for p in pieces:
        out.append(escape(text[pos:p.start]))
        s = p.span
        attrs = f' class="{s.cls}"'
        if p.first:
            attrs += f' id="{aid}-{s.key}"'
        attrs += f' data-row="{aid}-row-{s.row}" title="{escape(s.title)}"'
        out.append(f"<mark{attrs}>")
        _emit(text, p.children, p.start, p.end, aid, out)
        if p.last:
            out.append(f'<a class="lbl" href="#{aid}-row-{s.row}" data-label="{escape(s.label)}"'
                       f' aria-label="{escape(s.label)}"></a>')
        out.append("</mark>")
        pos = p.end
    out.append(escape(text[pos:hi]))


def _walk(pieces: list[_Piece]):
    for p in pieces:
        yield p
        yield from _walk(p.children)


def render_text(text: str, record: dict[str, Any], aid: str) -> tuple[str, set[str]]:
    """The article as <p> paragraphs with nested <mark>s; also the keys of spans that were drawn."""
    spans = _spans(record, len(text))
    runs = _paragraphs(text)
    trees = [(a, b, _nest(spans, a, b) if para else []) for a, b, para in runs]
    by_key: dict[str, list[_Piece]] = {}
    for _, _, tree in trees:
        for p in _walk(tree):
            by_key.setdefault(p.span.key, []).append(p)
    for parts in by_key.values():
        min(parts, key=lambda p: p.start).first = True
        max(parts, key=lambda p: p.end).last = True
    out: list[str] = []
    for (a, b, tree), (_, _, para) in zip(trees, runs):
        if para:
            out.append("<p>")
            _emit(text, tree, a, b, aid, out)
            out.append("</p>")
        else:
            out.append(escape(text[a:b]))
    return "".join(out), set(by_key)


def _back(aid: str, key: str, drawn: set[str], label: str = "↑") -> str:
    if key not in drawn:
        return ""
    return f'<a class="back" href="#{aid}-{key}" title="show in the text">{escape(label)}</a>'


def _quotes_table(record: dict[str, Any], aid: str, drawn: set[str]) -> str:
    quotes = list(enumerate(record.get("quotes", [])))
    if not quotes:
        return '<h3>Quotes</h3><p class="empty">No quotes found.</p>'
    groups: dict[str, list[tuple[int, dict]]] = {}
    for i, q in sorted(quotes, key=lambda iq: (iq[1].get("start") or 0, iq[0])):
        groups.setdefault((q.get("speaker") or {}).get("name") or "unknown speaker", []).append((i, q))
    rows = ['<h3>Quotes <span class="muted">by speaker</span></h3><table class="quotes">',
            "<thead><tr><th></th><th>Kind</th><th>Quote</th><th>Cue</th></tr></thead>"]
    for name, items in groups.items():
        sp = items[0][1].get("speaker") or {}
        info = " · ".join(x for x in (sp.get("role"), sp.get("type"), sp.get("represents")) if x)
        n = len(items)
        rows.append(f'<tbody class="speaker"><tr><th colspan="4">{escape(name)}'
                    f'{" <span class=muted>" + escape(info) + "</span>" if info else ""}'
                    f' <span class="muted">({n} quote{"s" if n != 1 else ""})</span></th></tr>')
        for i, q in items:
            kind = q.get("kind") or ""
            rows.append(f'<tr id="{aid}-row-q{i}"><td>{_back(aid, f"q{i}", drawn)}</td>'
                        f'<td><span class="kind {escape(kind)}">{escape(kind)}</span></td>'
                        f'<td>{escape(q.get("text") or "")}</td><td>{escape(q.get("cue") or "")}</td></tr>')
        rows.append("</tbody>")
    rows.append("</table>")
    return "".join(rows)


def _figures_table(record: dict[str, Any], aid: str, drawn: set[str]) -> str:
    figures = record.get("figures", [])
    if not figures:
        return '<h3>Figures</h3><p class="empty">No figures found.</p>'
    rows = ['<h3>Figures</h3><table class="figures"><thead><tr><th></th><th>Value</th><th>Category</th>'
            "<th>Unit</th><th>Claimed by</th><th>Text</th></tr></thead><tbody>"]
    for i, f in enumerate(figures):
        claim = escape(str(f.get("source") or "")) + (" (unverified)" if f.get("verified") is False else "")
        part = f.get("part_of")
        if isinstance(part, int) and 0 <= part < len(figures):
            claim += f' · part of <a href="#{aid}-row-f{part}">{escape(_fmt_value(figures[part]))}</a>'
        rows.append(f'<tr id="{aid}-row-f{i}"><td>{_back(aid, f"f{i}", drawn)}</td>'
                    f'<td class="num">{escape(_fmt_value(f))}</td><td>{escape(str(f.get("category") or ""))}</td>'
                    f'<td>{escape(f.get("unit") or "")}</td><td>{claim}</td>'
                    f'<td>{escape(f.get("text") or "")}</td></tr>')
    rows.append("</tbody></table>")
    return "".join(rows)


def _places_table(record: dict[str, Any], aid: str, drawn: set[str]) -> str:
    locs = record.get("locations", [])
    if not locs:
        return '<h3>Places</h3><p class="empty">No places found.</p>'
    rows = ['<h3>Places</h3><table class="places"><thead><tr><th>Name</th><th>Also called</th><th>Kind</th>'
            "<th>Country</th><th>Lat, lon</th><th>Mentions</th></tr></thead><tbody>"]
    for i, loc in enumerate(locs):
        ll = (f"{loc['lat']:.4f}, {loc['lon']:.4f}"
              if isinstance(loc.get("lat"), (int, float)) and isinstance(loc.get("lon"), (int, float)) else "—")
        users = loc.get("name_users") or {}
        aliases = ", ".join(a + (f" (used by {users[a]})" if users.get(a) else "") for a in loc.get("aliases", []))
        links = " ".join(_back(aid, f"l{i}-m{j}", drawn, str(j + 1)) for j in range(len(loc.get("mentions", []))))
        rows.append(f'<tr id="{aid}-row-l{i}"><td>{escape(loc.get("name") or "")}</td><td>{escape(aliases)}</td>'
                    f'<td>{escape(loc.get("kind") or "")}</td><td>{escape(loc.get("country") or "")}</td>'
                    f'<td class="num">{escape(ll)}</td><td>{links}</td></tr>')
    rows.append("</tbody></table>")
    return "".join(rows)


def _article(record: dict[str, Any], text: str | None, aid: str) -> str:
    src = record.get("source") or {}
    path = str(src.get("path", "<unknown>"))
    if "error" in record:
        err = record.get("error") or {}
        return (f'<article class="error" id="{aid}"><h2>{escape(path)}</h2>'
                f'<pre>{escape(str(err.get("type") or "error"))}: {escape(str(err.get("message") or ""))}</pre>'
                "</article>")
    meta = [f"{src['chars']:,} chars" if isinstance(src.get("chars"), int) else "",
            f"date {record.get('date') or 'unknown'}",
            f"{len(record.get('quotes', []))} quotes, {len(record.get('figures', []))} figures, "
            f"{len(record.get('locations', []))} places"]
    model = record.get("model") or {}
    if model.get("name"):
        meta.append(f"model {model['name']} {model.get('version') or ''}".strip())
    parts = [f'<article id="{aid}"><h2>{escape(path)}</h2><div class="meta">{escape(" · ".join(m for m in meta if m))}</div>']
    if text is None:
        parts.append('<p class="empty">Article text not available.</p>')
        drawn: set[str] = set()
    else:
        body, drawn = render_text(text, record, aid)
        parts.append(f'<div class="doc" id="{aid}-text">{body}</div>')
    parts += [_quotes_table(record, aid, drawn), _figures_table(record, aid, drawn),
              _places_table(record, aid, drawn), "</article>"]
    return "".join(parts)


def write_html(records: list[dict[str, Any]], texts: dict[str, str], out: IO[str]) -> None:
    """Write one HTML5 page for all records; ``texts`` maps each record's source path to its text."""
    articles = [_article(r, texts.get((r.get("source") or {}).get("path")), f"a{n}") for n, r in enumerate(records)]
    nav = ""
    if len(records) > 1:
        items = "".join(f'<li><a href="#a{n}">{escape(str((r.get("source") or {}).get("path", "")))}</a>'
                        f'{" <span class=muted>(error)</span>" if "error" in r else ""}</li>'
                        for n, r in enumerate(records))
        nav = f"<nav><ol>{items}</ol></nav>"
    legend = ('<div class="legend"><span style="background:var(--direct)">direct quote</span>'
              '<span style="background:var(--indirect)">indirect quote</span>'
              '<span style="background:var(--mixed)">mixed quote</span>'
              '<span style="background:var(--fig)"><b>figure</b></span>'
              '<span style="background:var(--place)">place</span>'
              '<span class="muted">labels and highlights link to the tables; ↑ links lead back</span></div>')
    out.write('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
              '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
              f"<title>conflictx — {len(records)} article{'s' if len(records) != 1 else ''}</title>\n"
              f"<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
              f"<header><h1>conflictx</h1>{nav}{legend}</header>\n")
    for a in articles:
        out.write(a + "\n")
    out.write(f"</main>\n<script>{JS}</script>\n</body>\n</html>\n")
