"""Reading articles: bytes to text, with encoding detection and HTML extraction.

Offsets in the output always point into the text returned here (for HTML input:
the extracted article text, not the markup).
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".md", ".text"} | HTML_SUFFIXES


class InputError(Exception):
    """An input that cannot be read as an article; the message is for the user."""


@dataclass
class Article:
    path: str
    text: str
    encoding: str
    html: bool = False


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.10


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes; return (text, encoding name)."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF32_LE, "utf-32")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise InputError("looks like a binary file, not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("could not detect the text encoding")
    return str(best), best.encoding


def clean_text(text: str) -> str:
    """Normalise line endings and drop NUL bytes (spaCy and terminals choke on them)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def html_to_text(markup: str) -> str:
    """Article text from HTML: paragraphs and headings, one per block, scripts dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "footer", "header", "aside", "form"]):
        tag.decompose()
    root = soup.find("article") or soup.body or soup
    blocks = [el.get_text(" ", strip=True) for el in root.find_all(["h1", "h2", "h3", "p", "li", "blockquote"])]
    blocks = [b for b in blocks if b]
    if not blocks:
        blocks = [root.get_text("\n", strip=True)]
    return "\n\n".join(blocks)


def read_article(path: str, data: bytes | None = None) -> Article:
    """Read one article from a path ('-' is stdin) or from given bytes."""
    if data is None:
        p = Path(path)
        if p.is_dir():
            raise InputError("is a directory, not a file")
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise InputError("no such file") from None
        except PermissionError:
            raise InputError("permission denied") from None
        except OSError as exc:
            raise InputError(exc.strerror or str(exc)) from None
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) \
            and _looks_binary(data):
        raise InputError("looks like a binary file, not text")
    text, encoding = decode_bytes(data)
    is_html = Path(path).suffix.lower() in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))
    if is_html:
        text = html_to_text(text)
    return Article(path=path, text=clean_text(text), encoding=encoding, html=is_html)
