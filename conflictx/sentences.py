"""Sentence look-ups in O(1): spaCy's ``Token.sent`` scans from the start of the document, which
turns per-token look-ups on long articles quadratic. One pass builds the table, cached on the Doc."""
from __future__ import annotations

from spacy.tokens import Doc


def bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """(sentence id of each token, start token of each sentence + [len(doc)])."""
    cached = doc.user_data.get("conflictx_sentences")
    if cached is not None and len(cached[0]) == len(doc):
        return cached
    ids: list[int] = []
    starts: list[int] = []
    for sent in doc.sents:
        starts.append(sent.start)
        ids.extend([len(starts) - 1] * (sent.end - sent.start))
    starts.append(len(doc))
    doc.user_data["conflictx_sentences"] = (ids, starts)
    return ids, starts


def sent_id(doc: Doc, i: int) -> int:
    return bounds(doc)[0][i]


def sent_range(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) token indexes of the sentence holding token i."""
    ids, starts = bounds(doc)
    k = ids[i]
    return starts[k], starts[k + 1]


def title_case(doc: Doc, i: int) -> bool:
    """Whether the sentence holding token i is a headline in Title Case: its capitals say nothing
    about names, and its verbs may be tagged as proper nouns."""
    start, end = sent_range(doc, i)
    words = [t for t in doc[start:end] if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.text[:1].isupper() for t in words) * 3 >= len(words) * 2
