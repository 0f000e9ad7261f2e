"""spaCy components: ``conflictx_paragraphs`` (sentence breaks at paragraph breaks, before the
parser) and ``conflictx`` (places, quotes, figures, dates onto Doc extensions).

    import conflictx.component
    nlp.add_pipe("conflictx_paragraphs", before="parser")   # optional, better sentences
    nlp.add_pipe("conflictx", config={"date": "2024-05-01"})
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .dates import find_dates, find_reference_date
from .figures import find_figures
from .places import find_places
from .quotes import find_quotes

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
EXTENSIONS = ("quotes", "figures", "places", "dates", "conflictx_entities", "article_date", "conflictx_model",
              "conflictx_warnings")


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


@Language.component("conflictx_paragraphs")
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and paragraphs end without a full stop."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text and prev.is_space and not tok.is_space:
            tok.is_sent_start = True
        elif "\n" in prev.whitespace_ and not tok.is_space:
            tok.is_sent_start = True
    return doc


class Conflictx:
    def __init__(self, nlp: Language, name: str, date: str | None):
        self.name = name
        self.date = date
        self.model = {"name": f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '')}",
                      "version": nlp.meta.get("version", "")}

    def __call__(self, doc: Doc) -> Doc:
        from .result import Entity

        warnings: list[str] = []

        def step(name, fn, default):
            # one failing rule family must not cost the article its other results
            try:
                return fn()
            except Exception as exc:  # noqa: BLE001
                warnings.append(f"{name}: {type(exc).__name__}: {exc}"[:300])
                return default
        doc._.conflictx_model = self.model
        doc._.article_date = self.date or step("dates", lambda: find_reference_date(doc), None)
        doc._.places = step("locations", lambda: find_places(doc), [])
        doc._.quotes = step("quotes", lambda: find_quotes(doc), [])
        doc._.figures = step("figures", lambda: find_figures(doc, doc._.quotes), [])
        doc._.dates = step("dates", lambda: find_dates(doc, doc._.article_date), [])
        doc._.conflictx_entities = [Entity(e.text, e.start_char, e.end_char, e.label_)
                                    for e in doc.ents if e.label_ in ENTITY_LABELS]
        doc._.conflictx_warnings = warnings
        return doc


@Language.factory("conflictx", default_config={"date": None})
def make_conflictx(nlp: Language, name: str, date: str | None) -> Conflictx:
    return Conflictx(nlp, name, date)
