"""The HTML renderer: structure checked with html.parser on invented articles; the real sample in Chromium."""
from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictx.render.html import write_html

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "karabakh-offensive-2023.txt"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    """Collects what the tests need and fails on any mis-nested tag."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self.ids: dict[str, str] = {}          # id -> tag
        self.marks: list[dict] = []            # attrs of every <mark>
        self.back_links: list[str] = []        # hrefs of a.back links inside table rows
        self.label_links: list[str] = []       # hrefs of a.lbl links inside marks
        self.texts: dict[str, list[str]] = {}  # id of a .doc container -> its text pieces
        self.starttags: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.starttags.append(tag)
        if "id" in a:
            if a["id"] in self.ids:
                self.errors.append(f"duplicate id {a['id']}")
            self.ids[a["id"]] = tag
        open_tags = [t for t, _ in self.stack]
        if tag == "mark":
            self.marks.append(a)
            if not any(x.get("class") == "doc" for _, x in self.stack):
                self.errors.append("mark outside the article text")
        if tag == "a":
            if "a" in open_tags:
                self.errors.append("nested <a>")
            cls = a.get("class", "")
            if cls == "back" and "tr" in open_tags:
                self.back_links.append(a["href"])
            if cls == "lbl":
                if open_tags[-1] != "mark":
                    self.errors.append("label link not directly in a mark")
                self.label_links.append(a["href"])
        if tag == "p" and "p" in open_tags:
            self.errors.append("nested <p>")
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID:
            self.errors.append(f"self-closed <{tag}/>")
        self.starttags.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1][0] if self.stack else None}>")
            return
        self.stack.pop()

    def handle_data(self, data):
        for _, a in self.stack:
            if a.get("class") == "doc":
                self.texts.setdefault(a["id"], []).append(data)

    def text_of(self, doc_id: str) -> str:
        return "".join(self.texts.get(doc_id, []))


def render(records, texts) -> str:
    buf = io.StringIO()
    write_html(records, texts, buf)
    return buf.getvalue()


def parse(html_text: str) -> Page:
    p = Page()
    p.feed(html_text)
    p.close()
    assert not p.errors, p.errors[:5]
    assert not p.stack, f"unclosed: {[t for t, _ in p.stack]}"
    return p


def check_links(p: Page) -> None:
    """Every highlight id has a row link back to it, every row link has a highlight, every label a row."""
    mark_ids = {m["id"] for m in p.marks if "id" in m}
    backs = {h[1:] for h in p.back_links}
    assert mark_ids == backs
    for href in p.label_links:
        assert p.ids.get(href[1:]) == "tr", href
    rows_with_marks = {m["data-row"] for m in p.marks}
    assert rows_with_marks == {h[1:] for h in p.label_links}


def span(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def quote(text, sub, name, kind="indirect", nth=0):
    s, e = span(text, sub, nth)
    return {"text": text[s:e], "start": s, "end": e, "kind": kind, "cue": "said",
            "speaker": {"name": name, "mention": name, "role": None, "type": "person", "represents": None,
                        "start": None, "end": None}}


def figure(text, sub, value, category, nth=0, **kw):
    s, e = span(text, sub, nth)
    f = {"text": text[s:e], "start": s, "end": e, "value": value, "low": value, "high": value,
         "qualifier": "exact", "unit": "people", "category": category, "source": "the article",
         "verified": None, "part_of": None}
    f.update(kw)
    return f


def place(text, name, subs, **kw):
    mentions = []
    for sub, nth in subs:
        s, e = span(text, sub, nth)
        mentions.append({"text": text[s:e], "start": s, "end": e})
    loc = {"text": mentions[0]["text"], "start": mentions[0]["start"], "end": mentions[0]["end"], "name": name,
           "aliases": [], "kind": "city", "country": "QX", "lat": 12.5, "lon": -3.25, "geonameid": None,
           "mentions": mentions, "name_users": {}}
    loc.update(kw)
    return loc


def record(path, quotes=(), figures=(), locations=()):
    return {"schema_version": "1.0", "source": {"path": path, "chars": 0}, "model": {}, "date": None,
            "quotes": list(quotes), "figures": list(figures), "locations": list(locations),
            "dates": [], "entities": []}


TEXT = ("Fighting near Brellin & Oskavo\n\n"
        "Governor Mira Tolvane said 14 soldiers died in Brellin overnight and that Oskavo was calm.\n"
        "A second line of the same paragraph.\n\n\n"
        "\u201cWe will rebuild Brellin,\u201d she said. Officials counted 3 <script>alert(1)</script> wounded.\n")


def sample_record():
    t = TEXT
    q1 = quote(t, "14 soldiers died in Brellin overnight and that Oskavo was calm", "Mira Tolvane")
    q2 = quote(t, "We will rebuild Brellin,", "Mira Tolvane", kind="direct")
    f1 = figure(t, "14", 14, "killed")
    f2 = figure(t, "3", 3, "injured")
    brellin = place(t, "Brellin", [("Brellin", 0), ("Brellin", 1), ("Brellin", 2)], aliases=["Brelin"])
    oskavo = place(t, "Oskavo", [("Oskavo", 0), ("Oskavo", 1)])
    return record("news/brellin.txt", [q1, q2], [f1, f2], [brellin, oskavo])


def test_nesting_links_and_text_roundtrip():
    rec = sample_record()
    p = parse(render([rec], {"news/brellin.txt": TEXT}))
    assert p.text_of("a0-text") == TEXT
    check_links(p)
    # 2 quotes + 2 figures + 5 place mentions, none split
    assert len(p.marks) == 9 and all("id" in m for m in p.marks)
    assert {m["id"] for m in p.marks if "q-direct" in m["class"]} == {"a0-q1"}
    # quote -> place nesting is real nesting in the markup
    html_text = render([rec], {"news/brellin.txt": TEXT})
    q = html_text.index('id="a0-q0"')
    assert html_text.index('id="a0-f0"') > q and html_text.index('id="a0-l0-m1"') > q
    assert html_text.index('id="a0-l0-m1"') < html_text.index('data-label="Mira Tolvane"')


def test_paragraphs_are_p_elements():
    p = parse(render([sample_record()], {"news/brellin.txt": TEXT}))
    assert p.starttags.count("p") == 3


def test_script_in_article_text_is_escaped():
    rec = sample_record()
    rec["quotes"][0]["speaker"]["name"] = "<script>x()</script>"
    rec["locations"][0]["name"] = '"><img src=x>'
    out = render([rec], {"news/brellin.txt": TEXT})
    assert "<script>alert" not in out and "<script>x()" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    p = parse(out)
    assert p.starttags.count("script") == 1        # only the page's own few lines
    assert "img" not in p.starttags
    assert p.text_of("a0-text") == TEXT


def test_self_contained():
    out = render([sample_record()], {"news/brellin.txt": TEXT})
    assert out.startswith("<!DOCTYPE html>")
    for bad in ("http://", "https://", "src=", "<link", "@import", "url("):
        assert bad not in out


def test_crossing_spans_split_the_inner_one():
    t = "alpha beta gamma delta epsilon"
    q = quote(t, "alpha beta gamma", "Ana Verin")
    f = figure(t, "gamma delta", 5, "other")                 # starts inside the quote, ends after it
    loc = place(t, "Betavale", [("beta gamma delta epsilon", 0)])  # crosses the quote and contains f's tail
    rec = record("x.txt", [q], [f], [loc])
    out = render([rec], {"x.txt": t})
    p = parse(out)
    assert p.text_of("a0-text") == t
    check_links(p)
    figs = [m for m in p.marks if m["class"] == "f"]
    assert len(figs) == 2 and [("id" in m) for m in figs] == [True, False]
    assert out.count('data-label="5 · other"') == 1
    places = [m for m in p.marks if m["class"] == "l"]
    assert len(places) == 2 and "id" in places[0] and "id" not in places[1]


def test_quote_across_paragraphs_and_identical_spans():
    t = "First part of it.\n\nSecond part 7 here."
    q = {**quote(t, "part of it.\n\nSecond part 7", "Ana Verin", kind="mixed")}
    f = figure(t, "7", 7, "killed")
    loc = place(t, "Seven", [("7", 0)])                       # same offsets as the figure
    rec = record("y.txt", [q], [f], [loc])
    out = render([rec], {"y.txt": t})
    p = parse(out)
    assert p.text_of("a0-text") == t
    check_links(p)
    assert p.starttags.count("p") == 2
    assert sum("q-mixed" in m["class"] for m in p.marks) == 2
    assert out.index('class="f" id="a0-f0"') < out.index('class="l" id="a0-l0-m0"')   # figure outside place


def test_quotes_grouped_by_speaker_and_tables():
    rec = sample_record()
    rec["quotes"].insert(1, quote(TEXT, "Officials counted", "Dela Ruun"))
    out = render([rec], {"news/brellin.txt": TEXT})
    parse(out)
    assert out.count('<tbody class="speaker">') == 2
    assert "Mira Tolvane" in out and "(2 quotes)" in out and "(1 quote)" in out
    assert "12.5000, -3.2500" in out and "Brelin" in out


def test_error_record_and_missing_text():
    err = {"schema_version": "1.0", "source": {"path": "bad.txt"},
           "error": {"type": "UnicodeDecodeError", "message": "cannot decode <byte 0xff>"}}
    rec = sample_record()
    out = render([err, rec], {})                                 # no text for the good record either
    p = parse(out)
    assert "cannot decode &lt;byte 0xff&gt;" in out and "UnicodeDecodeError" in out
    assert not p.marks and not p.back_links and not p.label_links
    assert "Article text not available" in out
    assert 'href="#a0"' in out and 'href="#a1"' in out


def test_out_of_range_offsets_are_ignored():
    t = "Short text about Qarn."
    loc = place(t, "Qarn", [("Qarn", 0)])
    loc["mentions"].append({"text": "x", "start": 50, "end": 55})
    loc["mentions"].append({"text": "", "start": 3, "end": 3})
    p = parse(render([record("z.txt", locations=[loc])], {"z.txt": t}))
    assert p.text_of("a0-text") == t
    check_links(p)
    assert len(p.marks) == 1


WORDS = st.sampled_from(["Ash", "fell", "42", "<b>", "&amp;", "\u201cyes\u201d", " ", "  ", "\n", "\n\n", "\t"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_spans_always_well_formed(data):
    t = "".join(data.draw(st.lists(WORDS, min_size=1, max_size=40)))
    n = len(t)
    offsets = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).filter(lambda ab: ab[0] < ab[1])
    qs = [{"text": t[a:b], "start": a, "end": b, "kind": data.draw(st.sampled_from(["direct", "indirect", "mixed"])),
           "cue": None, "speaker": {"name": "Ora", "mention": "Ora", "role": None, "type": "person",
                                    "represents": None, "start": None, "end": None}}
          for a, b in data.draw(st.lists(offsets, max_size=4))]
    fs = [{"text": t[a:b], "start": a, "end": b, "value": 1, "low": 1, "high": 1, "qualifier": "exact",
           "unit": None, "category": "other", "source": "the article", "verified": None, "part_of": None}
          for a, b in data.draw(st.lists(offsets, max_size=4))]
    ls = [{"text": "", "start": 0, "end": 0, "name": "Vell", "aliases": [], "kind": None, "country": None,
           "lat": None, "lon": None, "geonameid": None, "name_users": {},
           "mentions": [{"text": t[a:b], "start": a, "end": b} for a, b in ms]}
          for ms in data.draw(st.lists(st.lists(offsets, max_size=3), max_size=2))]
    p = parse(render([record("r.txt", qs, fs, ls)], {"r.txt": t}))
    assert p.text_of("a0-text") == t
    check_links(p)


# --- the real sample in a real browser -------------------------------------------------------------

def _chromium() -> str | None:
    for name in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _png_pixels(data: bytes):
    """(width, height, rows of RGB(A) bytes) for an 8-bit truecolour PNG, standard library only."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, ihdr = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat.append(chunk)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = ihdr
    assert depth == 8 and colour in (2, 6) and interlace == 0, ihdr
    bpp = 3 if colour == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(b"".join(idat))
    assert len(raw) == height * (stride + 1)
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            line = bytearray(map(lambda a, b: (a + b) & 255, line, prev))
        elif f == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                c = prev[i - bpp] if i >= bpp else 0
                b = prev[i]
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def test_sample_renders_in_headless_chromium(tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("no chromium binary found")
    from conflictx.api import extract

    text = SAMPLE.read_text(encoding="utf-8")
    rec = extract(text, path=str(SAMPLE)).to_dict()
    assert rec["quotes"] and rec["figures"] and rec["locations"]
    page = tmp_path / "karabakh.html"
    with page.open("w", encoding="utf-8") as fh:
        write_html([rec], {str(SAMPLE): text}, fh)
    p = parse(page.read_text(encoding="utf-8"))
    assert p.text_of("a0-text") == text
    check_links(p)

    png = tmp_path / "karabakh.png"
    profile = tmp_path / "profile"
    profile.mkdir()
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", f"--screenshot={png}", "--window-size=1200,2000", page.as_uri()]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert png.exists(), r.stderr[-2000:]
    data = png.read_bytes()
    assert len(data) > 10_000
    width, height, bpp, rows = _png_pixels(data)
    assert (width, height) == (1200, 2000)
    colours: dict[bytes, int] = {}
    for row in rows[::8]:
        for i in range(0, len(row), bpp * 2):
            px = row[i:i + 3]
            colours[px] = colours.get(px, 0) + 1
    total = sum(colours.values())
    assert len(colours) > 50                                  # text, highlights, labels: not a blank page
    assert max(colours.values()) < 0.9 * total
    # the highlight backgrounds made it to the screen: place (green) and indirect quote (blue)
    assert colours.get(bytes((0x9A, 0xE6, 0xB4)), 0) > 100
    assert colours.get(bytes((0xBE, 0xE3, 0xF8)), 0) > 100
