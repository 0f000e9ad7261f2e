"""Reading number phrases: digits ("90,000", "1.2 million"), words ("twenty-five"), vague
quantities ("dozens": a documented conservative convention, see data/casualties.json)."""
from __future__ import annotations

import re

from .vocab import casualties

DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d{1,12}(?:\.\d+)?$")
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "mn": 1_000_000,
          "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000}
WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "dozen": 12, "half": 0.5}
FRACTIONS = {"1/2": 0.5, "½": 0.5, "1/4": 0.25, "¼": 0.25, "3/4": 0.75, "¾": 0.75}


def parse_number(text: str) -> tuple[float | int | None, bool]:
    """(value, vague) for a number phrase, or (None, False) when it is not a number."""
    t = text.strip().lower().replace("\u2009", "").replace("\u00a0", " ")
    if not t:
        return None, False
    vague = casualties().vague
    if t in vague:
        return vague[t], True
    words = t.replace("-", " ").split()
    scale = 1
    while words and words[-1] in SCALES:
        scale *= SCALES[words.pop()]
    if not words:
        return (scale if scale > 1 else None), False
    if len(words) == 2 and words[1] in FRACTIONS and DIGITS.match(words[0]):
        v = (float(words[0].replace(",", "")) + FRACTIONS[words[1]]) * scale    # "2 1/2 million"
        return (int(v) if v == int(v) else v), False
    if len(words) == 1 and DIGITS.match(words[0]):
        v = float(words[0].replace(",", "")) * scale
        return (int(v) if v == int(v) else v), False
    if words in (["a", "dozen"], ["one", "dozen"]):
        return 12 * scale, False
    if len(words) > 1 and words[-1] == "dozen":
        base, vague_base = parse_number(" ".join(words[:-1]))                   # "two dozen"
        return (base * 12 * scale, vague_base) if base is not None else (None, False)
    if len(words) == 1 and words[0] in WORD_NUMBERS and scale > 1:
        return int(WORD_NUMBERS[words[0]] * scale), False
    if 2 <= len(words) <= 3 and words[1] == "hundred" and words[0].isdigit() \
            and (len(words) == 2 or (words[2].isdigit() and int(words[2]) < 100)):
        # broadcast scripts spell numbers as read aloud: "12-hundred", "11-hundred-73"
        v = int(words[0]) * 100 + (int(words[2]) if len(words) == 3 else 0)
        return v * scale, False
    if any(len(w) > 20 for w in words):
        return None, False
    from text_to_num import text2num

    try:
        v = text2num(" ".join(words), "en")
    except (ValueError, TypeError):
        return None, False
    return v * scale, False
