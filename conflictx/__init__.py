"""conflictx: who said what, figures, places and dates from English conflict news.

Library entry points (spaCy is imported lazily, so ``import conflictx`` is cheap)::

    import conflictx
    result = conflictx.extract("Rebels said 12 soldiers were killed.", date="2024-05-01")
    for r in conflictx.extract_many(texts, n_process=2): ...

Inside your own spaCy pipeline::

    import conflictx.component  # registers the "conflictx" factory
    nlp.add_pipe("conflictx")
    doc._.quotes, doc._.figures, doc._.places, doc._.dates
"""
from __future__ import annotations

__version__ = "0.1.0"
SCHEMA_VERSION = "1.0"

from .api import extract, extract_many  # noqa: E402  (lazy spaCy inside)

__all__ = ["extract", "extract_many", "__version__", "SCHEMA_VERSION"]
