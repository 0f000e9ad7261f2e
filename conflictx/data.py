"""Loading the package's data files (word lists, vocabularies, gazetteer extras), once each."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    """A JSON data file from conflictx/data/ (cached: each file is parsed once per process)."""
    with resources.files("conflictx").joinpath("data", name).open(encoding="utf-8") as fh:
        return json.load(fh)


def word_set(name: str, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_json(name)[key])
