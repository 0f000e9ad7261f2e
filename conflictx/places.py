"""Place recognition and resolution: correct the model's place entities, resolve them to the
gazetteer, link dual names ("X, called Y by Z", "X (Y)", "X, known as Y") into one location."""
from __future__ import annotations

import math
from collections import Counter

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .numbers import parse_number
from .gazetteer import Gazetteer, Place, fold, get_gazetteer
from .result import Location, Mention
from .sentences import sent_id, sent_range, title_case
from .vocab import actors, casualties, place_words, speech

PLACE_LABELS = {"GPE", "LOC", "FAC"}
NOT_PLACE_STARTS = place_words().not_place_starts
OTHER_LABELS = {"ORG", "PERSON", "NORP"}
PLACE_PREPS = {"in", "at", "near", "from", "to", "outside", "around", "into", "across", "towards",
               "toward", "inside", "throughout", "via", "through", "between", "of"}
PLACE_NOUNS = place_words().nouns
POSSESSIVE = {"'s", "’s", "'", "’"}
HYPHENS = {"-", "‑"}


def clean_span(span: Span, known=None) -> Span | None:
    """Strip determiners, possessive endings and punctuation from the edges of an entity.
    An inner possessive cuts the span ("Valdoria’s Mr" -> "Valdoria") unless the whole is a
    known name ("Cox's Bazar")."""
    doc = span.doc
    start, end = span.start, span.end
    for t in span:
        if t.text in POSSESSIVE and t.i > start and t.i < span.end - 1 and not (known and known(span.text)):
            end = t.i
            break
        if t.text in {"-", "–", "—"} and t.i > start and doc[t.i - 1].whitespace_:
            end = t.i     # "PORT ELLIS, Nordland - Nordland troops": a dateline dash ends the name
            break
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in POSSESSIVE
                           or doc[end - 1].pos_ == "CCONJ"):
        end -= 1
    if start < end and end < len(doc) and doc[end].lower_ in STREET_WORDS and doc[end].text[:1].isupper():
        end += 1         # "North Harbour Street": the street, not a place called "North Harbour"
    if known is not None and start < end:
        end = _linked_end(doc, start, end, known)

    if start >= end:
        return None
    return doc[start:end]


STREET_WORDS = place_words().streets
KIN_WORDS = place_words().kin


def _linked_end(doc: Doc, start: int, end: int, known) -> int:
    """The end of a name joined by lower-case linking words ("Porto da Velha", "Santa Cruz de la
    Palma") that the model cut short, when the gazetteer knows the whole; else ``end``."""
    if end < len(doc) and _name_particle(doc, end):
        run = end
        while run < len(doc) and run - end < 4 and (_name_particle(doc, run) or (
                run > end and doc[run].is_title and not doc[run - 1].whitespace_)):
            run += 1
        if known(doc[start:run].text):
            return run   # "Kala-i-Brisk" where the model stopped at "Kala"
    links = actors().name_particles
    if doc[end - 1].lower_ in links:
        end -= 1          # the model's span stops after "de"
    k = end
    while k < len(doc) and k - end < 3 and doc[k].lower_ in links and not doc[k].is_title:
        k += 1
    if k == end:
        return end
    run = k
    while run < len(doc) and run - k < 3 and doc[run].pos_ == "PROPN" and doc[run].is_title:
        run += 1
    return run if run > k and known(doc[start:run].text) else end


def _not_a_town(span: Span, known=None) -> bool:
    """Signs that a span the model tagged is a person, a body or part of a longer name,
    not a settlement: checked before a city look-up (countries and regions never get here)."""
    doc = span.doc
    first, last = span[0], span[-1]
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if len(span) == 1 and first.pos_ == "ADJ":
        return True      # "Western", "Arab"
    if prev is not None and prev.pos_ == "ADJ" and prev.text[:1].isupper() and prev.head.i == first.i and \
            prev.i > 0 and not (known and known(doc[prev.i:span.end].text)):
        return True      # "the Arab Spring": an adjective of the same name
    letters = [ch for ch in span.text if ch.isalpha()]
    if len(span) == 1 and len(letters) <= 5 and sum(ch.isupper() for ch in letters) >= 2:
        return True      # acronyms: "UN", "NATO", "MoD"
    if len(span) == 1 and len(letters) <= 3 and nxt is not None and nxt.text == ".":
        return True      # abbreviations: "Sr."
    if prev is not None and prev.lower_ in KIN_WORDS:
        return True      # "his daughter Yulia"
    if last.dep_ in {"nsubj"} and last.head.lemma_.lower() in speech().say and len(span) == 1:
        return True      # "Wilson said": a speaker
    if len(span) == 1:
        for side in (prev, nxt):
            if side is None or side.pos_ != "PROPN" or not side.text[:1].isupper() or side.ent_type_ in {"GPE", "LOC"}:
                continue
            run = _propn_run(doc, side.i)
            if known is None or not (known(run.text) or (len(run) > 1 and run[-1].lower_ in ADMIN_SUFFIXES
                                                         and known(run[:-1].text))):
                return True      # part of a longer name: "Arab Spring", "Enterprise Scrum"
    return False


def _propn_run(doc: Doc, i: int) -> Span:
    """The run of capitalised proper nouns around token i ("Borno State")."""
    start = end = i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() and doc[start - 1].ent_type_ not in {"GPE", "LOC"}:
        start -= 1
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].text[:1].isupper():
        end += 1
    return doc[start:end + 1]


def _context_says_place(span: Span) -> bool:
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in {"the"} and span.start > 1:
        prev = doc[span.start - 2]
    nxt = doc[span.end] if span.end < len(doc) else None
    renamed = prev is not None and (prev.lower_ in {"called", "formerly", "renamed"} or (
        prev.lower_ == "as" and span.start > 1 and doc[span.start - 2].lower_ in {"known", "called"}))
    other_name = prev is not None and prev.text in {"(", "/"} and span.start > 1 and \
        doc[span.start - 2].ent_type_ in PLACE_LABELS     # "Derry (Londonderry)"
    other_name = other_name or _or_name(span)
    if nxt is not None and nxt.lower_ in PLACE_NOUNS:
        return True
    if span[-1].dep_ == "appos" and span[-1].head.lower_ in PLACE_NOUNS and span[-1].head.i < span.start:
        return True      # "the attack on the eastern city, Adre"
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.is_lower and span[-1].dep_ == "compound":
        return False     # "at the Harth commander": the preposition is the commander's
    head = span[-1]
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "in Arvel and Brisk": Brisk shares Arvel's preposition
    if head.i != span[-1].i and head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS:
        return True
    return bool((prev is not None and prev.lower_ in PLACE_PREPS) or renamed or other_name)


def _or_name(span: Span) -> bool:
    """ "shelled Artemivsk, or Bakhmut, on Tuesday": a second name for the place before it
    (not the last item of a list "Arvel, Brisk, or Kessel")."""
    doc = span.doc
    k = span.start
    if k < 3 or doc[k - 1].lower_ != "or" or doc[k - 2].text != ",":
        return False
    first = doc[k - 3]
    if first.ent_type_ not in PLACE_LABELS:
        return False
    start = k - 3
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1     # back to the first word of that place's name
    listed = start > 0 and doc[start - 1].text == ","
    after = doc[span.end] if span.end < len(doc) else None
    return not listed and (after is None or after.text in {",", ".", ")", ";"})


CALENDAR_WORDS = place_words().calendar
WITHIN_KM = 800            # a town said to be in a region lies this close to the region's point
BIG_CITY = 50_000          # a city this big is a place even where the model called it a person or body
ADMIN_SUFFIXES = place_words().admin_suffixes
UNRESOLVED = Place("", "unresolved", None, None, None)


EZAFE = place_words().linking_vowels   # inside hyphenated names: "Kala-i-Brisk"
ARTICLE_PREFIXES = place_words().article_prefixes   # "al-Arvel", "el-Brisk"
DEMONYM_ENDINGS = ("an", "ese", "ish", "i")
COMPASS = place_words().compass
# "Northern Norland" in a headline: a part of a known place; alone ("in Central, Northern Norland") no place
DIRECTION_WORDS = place_words().directions


def _settlement_context(span: Span) -> bool:
    """Words that make an unknown name a place whatever the model says: "the village of X",
    "X village", "near X", "close to X", "north of X"."""
    doc = span.doc
    if title_case(span.doc, span.start):
        return False
    before = [t.lower_ for t in doc[max(0, span.start - 2):span.start]]
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in PLACE_NOUNS and nxt.is_lower:
        return True
    if len(before) == 2 and before[1] == "of" and (doc[span.start - 2].lemma_.lower() in PLACE_NOUNS or before[0] in COMPASS):
        return True    # "the village of X", "the villages of X", "north of X"
    first = span[-1]
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.i < span.start and first.pos_ == "PROPN" and first.i >= 2 and doc[first.i - 1].lower_ == "of" \
            and doc[first.i - 2].tag_ == "NNS" and doc[first.i - 2].lemma_.lower() in PLACE_NOUNS:
        return True    # "the villages of X, Y and Z": every member of the list
    after = [t.lower_ for t in doc[span.end:span.end + 4]]
    renamed = after[:1] == ["("] or (after[:1] == [","] and (
        after[1:3] == ["known", "as"] or after[1:4] == ["also", "known", "as"] or after[1:2] in (["called"], ["formerly"])))
    if renamed and before and before[-1] in PLACE_PREPS - {"of", "between", "via", "through", "across"}:
        return True    # "to Shiraz, also known as ...": a place with a second name
    opening = min(span.start, first.left_edge.i) if first.i < span.start else span.start   # the list's first member
    if opening > 0 and doc[opening - 1].text in {"--", "—", "–", ":"}:
        # "two towns of Arvel state -- Brisk and Tarn": a list announced by a plural place noun
        lead = doc[max(0, opening - 10):opening - 1]
        if any(t.tag_ == "NNS" and t.lemma_.lower() in PLACE_NOUNS for t in lead):
            return True
    if _route_end(span):
        return True
    return bool(before) and (before[-1] in {"near", "outside"} or before[-2:] == ["close", "to"])


NAME_STEM = 5   # letters an adjective or people shares with the country or region it comes from


def _people_of_a_named_area(span: Span, gaz: Gazetteer) -> bool:
    """An unknown word that begins like a country or region the article names, but is not that
    name, is its adjective or its people: "Chechen", "Chechens" beside "Chechnya", "Ingush"
    beside "Ingushetia"."""
    word = fold(span.text)
    stem = word[:NAME_STEM]
    if len(stem) < NAME_STEM:
        return False
    for tok in span.doc:
        other = fold(tok.text) if tok.is_title and not span.start <= tok.i < span.end else ""
        if other.startswith(stem) and other.rstrip("s") != word.rstrip("s") and (
                gaz.country(tok.text) is not None or gaz.region(tok.text)):
            return True
    return False


def _route_end(span: Span) -> bool:
    """ "a road from X to Y": both ends of a route written "from <Name> to <Name>"."""
    doc = span.doc

    def named(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha and doc[i].lower_ not in CALENDAR_WORDS
    if span.start > 0 and doc[span.start - 1].lower_ == "from" and span.end + 1 < len(doc) and doc[span.end].lower_ == "to":
        return named(span.start) and named(span.end + 1)
    if span.start > 0 and doc[span.start - 1].lower_ == "to" and named(span.start):
        k = span.start - 2
        while k >= 0 and named(k):
            k -= 1
        return k >= 0 and k < span.start - 2 and doc[k].lower_ == "from"
    return False


FEATURE_WORDS = place_words().features


def _area_word(span: Span, words: set[str] = ADMIN_SUFFIXES) -> str | None:
    """The lower-case area word right after a name: an admin suffix ("the Norland region", "Arvel
    state") or, with FEATURE_WORDS, a landform ("the Jaffna peninsula"), kept as an alias."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return nxt.text if nxt is not None and nxt.lower_ in words and nxt.text.islower() else None


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (la1, lo1), (la2, lo2) = [(math.radians(x), math.radians(y)) for x, y in (a, b)]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, h)))


def _resolve(gaz: Gazetteer, name: str, label: str, span: Span, context: Counter,
             anchors: list[tuple[float, float]] | None = None, within: Place | None = None) -> Place | None:
    """The place a mention names, or None. ``within``: the region or country written right
    after it ("Springfield, Oregon"), which the choice among namesakes must respect."""
    av = actors()
    low = name.lower()
    if low in av.demonyms or low in av.seats or low in av.government or low in av.organisation:
        return None      # "Congress", "Parliament": bodies, not places
    if name.lower() in CALENDAR_WORDS:
        return None
    if span.end + 1 < len(span.doc) and span.doc[span.end].lower_ in PLACE_NOUNS and span.doc[span.end + 1].lower_ == "of" \
            and len(span) == 1 and (span[0].pos_ == "ADJ" or span[0].ent_type_ == "NORP"
                                    or (low.endswith(DEMONYM_ENDINGS) and not any(c.primary or c.population >= 10_000 for c in gaz.cities(name)))):
        # "the Norlandian city of Arvel": a people's adjective, the place comes after "of" (but "the
        # Silvan district of Diyarbakir" names a town)
        return None
    suffix = _area_word(span)
    if suffix and gaz.region(f"{name} {suffix}"):
        return gaz.region(f"{name} {suffix}")[0]    # "the Norland region": the region, not its capital
    country = gaz.country(name, context)
    if country is not None and suffix in {"state", "province", "district", "county", "governorate"} \
            and not gaz.region(name):
        # "in Niger state" (of Nigeria): a division named like a country the gazetteer lacks, not
        # the country; unplaced rather than misplaced
        return Place(f"{name} {suffix}", "province", None, None, None)
    regions = gaz.region(name)
    words = name.split()
    if not country and not regions and len(words) > 1 and words[-1].lower() in ADMIN_SUFFIXES:
        regions = [Place(name, "province", p.country, p.lat, p.lon, p.population, p.geonameid)
                   for p in gaz.region(" ".join(words[:-1]))]
    if regions and not country and all(r.kind in {"state", "province"} for r in regions) and \
            not (span.end < len(span.doc) and span.doc[span.end].lower_ in {"state", "province", "region"}):
        big = [c for c in gaz.cities(name) if c.population >= (100_000 if c.primary else 1_000_000)]
        if big:
            regions = []   # "Washington", "New York": the city is what the news means
    if country and regions:
        # "Georgia": the US state when the article is about the US and not about the country's region
        local = [r for r in regions if r.country in context and r.country != country.country]
        near = set(context) & (gaz.neighbours.get(country.country, set()) | {country.country})
        if local and not near:
            return local[0]
    if country:
        return country
    if regions:
        # curated regions before first-level divisions of the same name
        return max(regions, key=lambda p: (p.country in context, p.kind != "province", p.country is not None))
    key = fold(name)
    if key not in gaz.capitals and label != "PREFIX" and _not_a_town(span, gaz.is_area):
        return None
    cities = gaz.cities(name)
    if not cities and len(words) == 1 and not name.lower().startswith(("al-", "el-")):
        cities = gaz.cities("Al " + name)   # news drops the article GeoNames keeps ("Al Arvel")
    if not cities and context:
        # "Ras al-Arvel" for GeoNames' "Ra's al 'Arvel": the same name without the marks, in a
        # country the article is about (never a far namesake: "Marina" is not "Mar'ina")
        cities = [c for c in gaz.spelled_without_marks(name) if c.country in context]
    settled = False     # for a mention the model did not call a place: do the words around it say so?
    if label not in PLACE_LABELS:
        says_place, settled = _context_says_place(span), _settlement_context(span)
        if not (says_place or settled or key in gaz.capitals or any(c.population >= BIG_CITY for c in cities)):
            return None
        if not says_place:
            cities = [c for c in cities if c.primary or c.country in context or (within is not None and c.country == within.country)]
        elif settled and context:
            near = gaz.neighbours.get(context.most_common(1)[0][0], set())   # around the article's main country
            if not any(c.country in context or c.population >= BIG_CITY or c.country in near for c in cities):
                cities = []   # "the villages of X, Rago ...": a hamlet far abroad that shares a village's name
        if not cities and not settled:
            return None      # an alternate spelling of a city in a country the article never mentions (a group named like a far-off town)
    if not cities:
        # a place the gazetteer does not know (a village, a street, a camp): keep it, unplaced, when
        # the model called it a place or the words around it leave no doubt ("the village of X")
        named = any(t.is_alpha and t.text[:1].isupper() for t in span)
        parts = [p for p in low.replace("–", "-").split("-") if p]
        if len(parts) > 1 and all(p in av.demonyms for p in parts):
            return None   # "the Norlandian-Tarvessan border": two peoples' adjectives
        if len(span) == 1 and label in PLACE_LABELS and (span.start == sent_range(span.doc, span.start)[0]
                                                         or title_case(span.doc, span.start)):
            return None   # "Gunmen believed to be ...", "Troops Close In on Rebels": a capital, not a name
        if len(span) == 1 and _people_of_a_named_area(span, gaz):
            return None   # "a Chechen village", "frightened Chechens" in a story about Chechnya
        root = span[-1]
        if root.dep_ in {"compound", "amod"} and root.head.i > root.i and (
                root.head.lower_ in casualties().person_units or root.head.lower_ in av.group):
            return None   # an unknown name before "rebels", "fighters": a people or a movement, not a place
        return UNRESOLVED if named and (label in PLACE_LABELS or settled) else None
    if label not in PLACE_LABELS and not settled:
        cities = [c for c in cities if c.population >= 1000 or c.primary]
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if label == "PREFIX" or (span.start > 0 and span.doc[span.start - 1].lower_ == "the"
                             and not (nxt is not None and nxt.lower_ in PLACE_NOUNS)):
        # "the West", "the Coast": a settlement takes no article unless its name is a big city's;
        # a name at the head of an organisation ("Riverton Police") likewise only when it is big
        cities = [c for c in cities if c.population >= BIG_CITY]
    if not cities:
        return None
    if within is not None and within.country:
        inside = [c for c in cities if c.country == within.country and (
            within.lat is None or c.lat is None or within.kind == "country" or _km((c.lat, c.lon), (within.lat, within.lon)) < WITHIN_KM)]
        if inside:
            cities = inside
    neigh = set().union(*(gaz.neighbours.get(c, set()) for c in context)) if context else set()
    total = sum(context.values()) or 1

    def score(p: Place) -> float:
        s = math.log10(p.population + 10)
        if p.country in context:
            s += 1.5 + 1.5 * context[p.country] / total
        elif p.country in neigh:
            s += 0.75
        if p.primary:
            s += 1
        if gaz.capitals.get(key) == p.country:
            s += 2
        if anchors and len(cities) > 1 and p.lat is not None:
            # namesakes: the one near the article's other settlements
            near = min(_km((p.lat, p.lon), a) for a in anchors)
            s += 1.5 if near < 150 else 0.75 if near < 400 else 0
        return s
    best = max(cities, key=score)
    if label not in PLACE_LABELS and context and best.country not in context and best.country not in neigh \
            and gaz.capitals.get(key) != best.country:
        return None   # a body or movement named like a small town abroad ("the Arvel Liberation Front")
    if label in PLACE_LABELS and context and best.population < 100_000 and best.country not in context \
            and best.country not in neigh and (within is None or within.country != best.country):
        # a small town abroad that shares the name of a place the article is about ("the town of
        # Arvel near the capital" is not an Arvel on another continent): unplaced is better than misplaced
        return UNRESOLVED
    return best


DATELINE_ENDS = {",", "(", "-", "–", "—", ":"}
NAME_HEAD_LABELS = OTHER_LABELS | {"WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}


def _dateline(doc: Doc, gaz_known) -> Span | None:
    """The place of a wire dateline at the top of an article: "RIVERTON, May 3 (Agency) -",
    "PORT ELLIS, Nordland -": one to four upper-case words before a comma, bracket or dash.
    A name the gazetteer does not know counts only before a comma."""
    end = 0
    while end < min(len(doc), 5) and doc[end].is_alpha and doc[end].is_upper and len(doc[end].text) > 1:
        end += 1
    if end == 0 or end > 4 or end >= len(doc) or doc[end].text not in DATELINE_ENDS:
        return None
    span = doc[0:end]
    return span if gaz_known(span.text) or doc[end].text == "," else None


def _name_head(ent: Span, strong_place, label: str) -> Span | None:
    """A place at the head of an organisation's or a work's name ("Riverton Police Department",
    "Nordland National Guard"): the longest leading run of words that is a country, a region or
    a big city, followed by more of the name. In a person's name only a country or region
    counts: first names are often towns somewhere ("Santiago Ruiz")."""
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in KIN_WORDS:
        return None      # "her son Marston Lee"
    for n in range(min(3, len(ent) - 1), 0, -1):
        head = ent[:n]
        if ent[n].text[:1].isupper() and head[-1].text not in POSSESSIVE and head[-1].whitespace_ and \
                strong_place(head.text, cities=label != "PERSON"):   # (not "Nancy-" of "Nancy-Amelia Ross")
            return head
    return None


def _name_particle(doc: Doc, i: int) -> bool:
    """ "al-" or "el-", or a joining hyphen, inside a name ("Wad al-Arvel", "Tell el-Brisk"): only
    written without spaces and before a capitalised word (so never "Arvel as Government ...")."""
    tok = doc[i]
    inner = i > 0 and doc[i - 1].text in HYPHENS and not doc[i - 1].whitespace_
    if (tok.lower_ in ARTICLE_PREFIXES or (inner and tok.lower_ in EZAFE)) and not tok.whitespace_ \
            and i + 1 < len(doc) and doc[i + 1].text in HYPHENS:
        nxt = i + 2   # "al-Arvel", and "Kala-i-Brisk", "Dera-e-Tarn" inside a name
    elif tok.text in HYPHENS and not tok.whitespace_ and i > 0 and not doc[i - 1].whitespace_:
        nxt = i + 1
        if nxt + 1 < len(doc) and doc[nxt].lower_ in EZAFE and not doc[nxt].whitespace_ and doc[nxt + 1].text in HYPHENS:
            nxt += 2
    else:
        return False
    return nxt < len(doc) and doc[nxt].is_alpha and doc[nxt].text[:1].isupper() and not doc[nxt - 1].whitespace_


def _joined_names(doc: Doc, strong_place) -> list[Span]:
    """Areas whose name holds "and": "Jammu and Kashmir", "Bosnia and Herzegovina" (the model
    often tags the two halves apart)."""
    out = []
    if strong_place is None:
        return out
    for tok in doc:
        if tok.lower_ != "and" or tok.i == 0 or tok.i + 1 >= len(doc):
            continue
        left, right = doc[tok.i - 1], doc[tok.i + 1]
        if left.pos_ != "PROPN" or right.pos_ != "PROPN" or not left.is_title or not right.is_title:
            continue
        span = doc[tok.i - 1:tok.i + 2]
        if strong_place(span.text, cities=False):
            out.append(span)
    return out


def _list_pieces(ent: Span, known) -> list[Span]:
    """An entity the model ran over a list ("Arvel, Brisk", "Arvel and Brisk") or a route ("from
    Arvel to Brisk"): one span per place, unless the gazetteer knows the whole ("Trinidad and Tobago")."""
    def conjunct(tok: Token) -> bool:   # "Debre" of "... and Debre Birhan" hangs on the conjunct "Birhan"
        return tok.dep_ == "conj" or (tok.dep_ == "compound" and tok.head.dep_ == "conj" and tok.i < tok.head.i < ent.end)
    cuts = [t.i for t in ent if t.lower_ in {",", "and", "or"} and t.i + 1 < ent.end and conjunct(ent.doc[t.i + 1])]
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "from":
        cuts += [t.i for t in ent if t.lower_ == "to" and ent.start < t.i < ent.end - 1]   # "from [Kessel to Arvel]"
        cuts.sort()
    if not cuts or known(ent.text):
        return [ent]
    bounds = [ent.start, *cuts, ent.end]
    return [Span(ent.doc, a + (k > 0), b, label=ent.label_) for k, (a, b) in enumerate(zip(bounds, bounds[1:])) if b > a + (k > 0)]


def _candidate_spans(doc: Doc, gaz_known, gaz_cities, strong_place=None) -> list[tuple[Span, str]]:
    out = []
    taken: set[int] = set()
    ents = doc.ents     # (building doc.ents is not free: read it once)
    person_parts = {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    place_names = {e.text for e in ents if e.label_ in PLACE_LABELS}   # "Ashdown Crossing" named as a place elsewhere
    dateline = _dateline(doc, gaz_known)
    if dateline is not None:
        out.append((dateline, "GPE"))
        taken.update(range(dateline.start, dateline.end))
    for joined in _joined_names(doc, strong_place):
        if not any(i in taken for i in range(joined.start, joined.end)):
            out.append((joined, "GPE"))
            taken.update(range(joined.start, joined.end))
    for ent in (piece for e in ents for piece in _list_pieces(e, gaz_known)):
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        if ent.label_ in NAME_HEAD_LABELS and strong_place is not None and len(ent) > 1:
            whole = clean_span(ent, gaz_known)
            if whole is not None and not gaz_known(whole.text) and whole.text not in place_names:
                head = _name_head(whole, strong_place, ent.label_)
                if head is not None and not (len(whole) - len(head) == 1 and _context_says_place(whole)):
                    # ("the town of Ashdown Crossing" is a place of two words, not Ashdown)
                    out.append((head, "PREFIX"))
                    taken.update(range(head.start, head.end))
                    continue
        if ent.label_ not in PLACE_LABELS | OTHER_LABELS:
            continue
        sp = clean_span(ent, gaz_known)
        if sp is None or not any(ch.isalpha() for ch in sp.text) or not (
                sp[0].text[:1].isupper() or (sp[0].lower_ in ARTICLE_PREFIXES and len(sp) > 2 and sp[-1].text[:1].isupper())):
            continue
        if len(sp) == 1 and sp[0].lower_ in DIRECTION_WORDS:
            continue
        if sp[0].lower_ in NOT_PLACE_STARTS or (sp.text.isupper() and len(sp.text) <= 4 and ent.label_ not in PLACE_LABELS
                                               and not gaz_known(sp.text)):
            continue
        if len(sp) == 1 and sp.text in person_parts and not (
                strong_place is not None and strong_place(sp.text, cities=False)) and not (
                ent.label_ in PLACE_LABELS and _context_says_place(sp) and gaz_known(sp.text)) \
                and not (ent.label_ in PLACE_LABELS and _settlement_context(sp) and not (
                    sp.start > 0 and doc[sp.start - 1].pos_ == "PROPN" and doc[sp.start - 1].is_title)):
            continue   # a name the article gives a person ("Ellis Marsh ... Ellis said") is the person's
        out.append((sp, ent.label_))
        taken.update(range(sp.start, sp.end))
    # proper nouns the model left untagged (or tagged as dates, works ...) right after "in", "at", "near"
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.i == 0:
            continue
        after_place = tok.i > 0 and doc[tok.i - 1].ent_type_ in {"GPE", "LOC"}
        if tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"} or (
                tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" and not after_place):
            continue
        end = tok.i + 1
        while end < len(doc) and end not in taken and (
                doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and doc[end].lower_ not in CALENDAR_WORDS  # "in Arvel Monday"
                or _name_particle(doc, end)):
            end += 1
        linked = _linked_end(doc, tok.i, end, gaz_known)
        end = linked if not any(i in taken for i in range(end, linked)) else end
        sp = doc[tok.i:end]
        if len(sp) == 1 and tok.lower_ in DIRECTION_WORDS:
            continue
        admin = len(sp) > 1 and sp[-1].lower_ in ADMIN_SUFFIXES and gaz_known(sp[:-1].text)
        other_name = tok.i > 1 and doc[tok.i - 1].text in {"(", "/"} and (tok.i - 2) in taken
        toward = doc[tok.i - 1].lower_ in {"to", "into", "towards", "toward"} and doc[tok.i - 1].pos_ == "ADP"
        if doc[tok.i - 1].lower_ not in {"in", "at", "near", "outside", "from"} and not admin and not other_name \
                and not _settlement_context(sp) and not (
                sp.text not in person_parts and any(c.population >= BIG_CITY and (c.primary or toward) for c in gaz_cities(sp.text))):
            continue
        taken.update(range(sp.start, sp.end))
        out.append((sp, "PROPN"))
    return out


def _dual_name_links(doc: Doc, spans: list[Span], places: list[Place]) -> list[tuple[int, int, str | None]]:
    """Pairs (i, j, user) of mention indexes that name one place, from the text's wording:
    "X (Y)", "X/Y", "X, called Y (by Z)", "X, known as Y", "X, renamed Y", "X, or Y,"."""
    links = []
    for j, sp in enumerate(spans):
        if sp.end < len(doc) and doc[sp.end].text in POSSESSIVE:
            continue   # "what it called Valmont's aggression": a naming of something else
        k = sp.start - 1
        if k < 1:
            continue
        cue = doc[k]
        user = None
        sid = sent_id(doc, sp.start)
        earlier = []
        for i in range(j - 1, -1, -1):      # spans are in reading order
            if sent_id(doc, spans[i].start) != sid:
                break
            if spans[i].end <= k:
                earlier.insert(0, i)
        if not earlier:
            continue
        if cue.text in "(/":
            target = next((i for i in earlier if spans[i].end == k), None)
        else:
            verb = cue
            if cue.lower_ == "as":
                verb = doc[k - 1]
                if verb.lower_ not in {"known", "called", "referred"}:
                    continue
            elif cue.lower_ == "or":
                if not _or_name(sp):
                    continue
            elif cue.lower_ not in {"called", "renamed", "aka", "formerly", "now", "previously"}:
                continue
            before = doc[verb.i - 1]
            if before.lower_ == "also" and verb.i > 1:
                before = doc[verb.i - 2]
            if before.text != "," and not any(spans[i].end == before.i + 1 for i in earlier):
                continue
            if sp.end + 1 < len(doc) and doc[sp.end].lower_ == "by":
                z = doc[sp.end + 1]
                if z.dep_ in {"det", "poss", "amod", "compound"} and z.head.i > z.i:
                    z = z.head    # "known as Y by the rebels": the rebels
                zspan = next((s for s in spans if s.start <= z.i < s.end), None)
                user = zspan.text if zspan is not None else z.text
            # the renamed place: the mention right before the comma, else an earlier mention of
            # the same kind (a city for a city), nearest first
            adjacent = [i for i in earlier if spans[i].end == before.i and (
                places[i].kind == places[j].kind or "unresolved" in {places[i].kind, places[j].kind})]
            same_kind = [i for i in earlier if places[i].kind == places[j].kind]
            target = (adjacent or same_kind or earlier)[-1]
        if target is not None and cue.lower_ == "or" and not _may_be_one(places[target], places[j]):
            continue   # "fled to Kyiv, or Lviv": two towns, not two names
        if target is not None:
            links.append((target, j, user))
    return links


def _may_be_one(a: Place, b: Place) -> bool:
    """Two resolved names that could be one place: one unplaced, or both within a few km."""
    if a.lat is None or b.lat is None or a.kind == "unresolved" or b.kind == "unresolved":
        return True
    return a.kind == b.kind and _km((a.lat, a.lon), (b.lat, b.lon)) < 25


def _country_context(doc: Doc, gaz: Gazetteer, cands: list[tuple[Span, str]]) -> Counter:
    """How often the article points at each country: countries named outright, demonyms
    ("British"), and cities whose name leaves no doubt (one big candidate)."""
    context: Counter = Counter()
    demonyms = actors().demonyms
    for sp, _ in cands:
        c = gaz.country(sp.text)
        if c is not None and not gaz.region(sp.text):
            context[c.country] += 1
            continue
        cities = gaz.cities(sp.text)
        if cities and cities[0].primary and cities[0].population >= 100_000 and (
                len(cities) == 1 or cities[0].population >= 20 * max(1, cities[1].population)):
            context[cities[0].country] += 1
    for ent in doc.ents:
        if ent.label_ == "NORP":
            iso = demonyms.get(ent.text.lower())
            if iso:
                context[iso] += 1
    return context


HOST_SENTENCES = 2   # how far (in sentences) a street or village looks for the settlement it lies in


def _container(span: Span, where: dict[int, Place]) -> Place | None:
    """The resolved place an unknown one is said to lie in: "X district of Arvel province",
    "the village of X in Brisk", "X, in northern Arvel". ``where``: placed areas and towns by token."""
    tok = span[-1]
    holders = [tok, *(t for t in tok.rights if t.lower_ in PLACE_NOUNS)]
    if tok.dep_ == "compound" and tok.head.lower_ in PLACE_NOUNS:
        holders.append(tok.head)    # "the Velmor district of Arvel province"
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in {"in", "of", "near"}:
                for obj in prep.children:
                    for t in obj.subtree:
                        if t.i in where:
                            return where[t.i]
    return None


BEARINGS = {"north": 0.0, "east": 90.0, "south": 180.0, "west": 270.0}


def _bearing(direction: str) -> float | None:
    """Degrees from north for "north", "southeast", "north-west" (the mean of its compass points)."""
    parts = direction.replace("-", " ").split()
    if len(parts) == 1 and parts[0] not in BEARINGS and parts[0][:5] in BEARINGS:
        parts = [parts[0][:5], parts[0][5:]]   # "northeast", "southwest"
    if not parts or not all(p in BEARINGS for p in parts):
        return None
    x = sum(math.sin(math.radians(BEARINGS[p])) for p in parts)
    y = sum(math.cos(math.radians(BEARINGS[p])) for p in parts)
    return round(math.degrees(math.atan2(x, y)) % 360, 6)


def _destination(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` away from (lat, lon) in direction ``bearing`` (great circle)."""
    d, b = km / 6371.0, math.radians(bearing)
    la1, lo1 = math.radians(lat), math.radians(lon)
    la2 = math.asin(math.sin(la1) * math.cos(d) + math.cos(la1) * math.sin(d) * math.cos(b))
    lo2 = lo1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(la1), math.cos(d) - math.sin(la1) * math.sin(la2))
    return round(math.degrees(la2), 5), round((math.degrees(lo2) + 540) % 360 - 180, 5)


def _offset_from(span: Span, where: dict[int, Place]) -> tuple[float, float, str | None] | None:
    """ "X, 75 kilometers south of Y", "X, a village some 30 km (18 miles) north-west of Y": the
    point that far from Y in that direction, when Y is a placed town or area."""
    doc, words = span.doc, place_words()
    i, end = span.end, min(len(doc), span.end + 24)
    if i < end and doc[i].text == ",":
        i += 1
    skipped = 0
    while i < end and skipped < 4 and (doc[i].lower_ in words.distance_fillers or doc[i].lower_ in PLACE_NOUNS):
        i, skipped = i + 1, skipped + 1
    if i >= end or not doc[i].like_num:
        return None
    value, vague = parse_number(doc[i].text)
    i += 1
    if i < end and doc[i].text in HYPHENS:
        i += 1   # "75-kilometers"
    if value is None or vague or i >= end or doc[i].lower_ not in words.distance_units:
        return None
    km = float(value) * words.distance_units[doc[i].lower_]
    i += 1
    if i < end and doc[i].text == "(":
        close = next((k for k in range(i, end) if doc[k].text == ")"), None)
        if close is None:
            return None
        i = close + 1   # "(18 miles)"
    direction = []
    while i < end and (doc[i].lower_ in COMPASS or (direction and doc[i].text in HYPHENS)):
        direction.append(doc[i].lower_)
        i += 1
    bearing = _bearing("".join(direction))
    if bearing is None or i >= end or doc[i].lower_ != "of":
        return None
    for k in range(i + 1, min(end, i + 6)):
        if doc[k].is_punct and doc[k].text != ",":
            break
        if k in where:
            base = where[k]
            lat, lon = _destination(base.lat, base.lon, km, bearing)
            return lat, lon, base.country
    return None


def _host_settlement(doc: Doc, token_i: int, resolved: list[tuple[Span, Place]]) -> Place | None:
    """The nearest settlement named before token ``token_i`` (else the first one after it),
    within a couple of sentences: a settlement named paragraphs away says nothing."""
    here = sent_id(doc, token_i)
    near = [(sp, p) for sp, p in resolved if p.kind == "city" and p.lat is not None
            and abs(sent_id(doc, sp.start) - here) <= HOST_SENTENCES]
    before = [p for sp, p in near if sp.start < token_i]
    if before:
        return before[-1]
    after = [p for sp, p in near if sp.start > token_i]
    return after[0] if after else None


def _list_mates(doc: Doc, gaz: Gazetteer, resolved: list[tuple[Span, Place]]) -> list[tuple[Span, Place]]:
    """ "its provinces - Arvel, Brisk and Kessel -": names coordinated with a resolved town or
    province are towns or provinces of the same country, when the gazetteer has them there."""
    covered = {i for sp, _ in resolved for i in range(sp.start, sp.end)}
    out = []
    for sp, place in list(resolved):
        if place.kind not in {"city", "province", "state"} or not place.country:
            continue
        # (the model's label does not count here: it often calls such list members persons or
        # bodies; the gazetteer must know the name in the same country)
        for mate in sp[-1].conjuncts:
            if mate.i in covered or mate.pos_ != "PROPN" or not mate.text[:1].isupper():
                continue
            start = mate.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == mate.i and start - 1 not in covered:
                start -= 1
            run = doc[start:mate.i + 1]
            same = [c for c in gaz.cities(run.text) if c.country == place.country and c.primary] or \
                [r for r in gaz.region(run.text) if r.country == place.country]
            if same:
                out.append((run, max(same, key=lambda c: c.population)))
                covered.update(range(run.start, run.end))
    return out


def find_places(doc: Doc, gaz: Gazetteer | None = None) -> list[Location]:
    """Resolve place mentions, relabel the doc's entities, return one Location per real place."""
    gaz = gaz or get_gazetteer()
    def strong_place(name: str, cities: bool = True) -> bool:
        return gaz.is_area(name) or cities and any(c.primary and c.population >= BIG_CITY for c in gaz.cities(name))
    cands = _candidate_spans(doc, lambda name: gaz.is_area(name) or bool(gaz.cities(name)), gaz.cities, strong_place)
    context = _country_context(doc, gaz, cands)
    # settlements whose name has a single candidate anchor the choice among namesakes
    anchors = []
    for sp, label in cands:
        cities = gaz.cities(sp.text) if label in PLACE_LABELS and not gaz.country(sp.text) and not gaz.region(sp.text) else []
        if len(cities) == 1 and cities[0].lat is not None:
            anchors.append((cities[0].lat, cities[0].lon))
    resolved: list[tuple[Span, Place]] = []
    cache: dict[tuple[str, bool], Place | None] = {}
    starts = {sp.start: sp for sp, _ in cands}
    areas: dict[int, Place] = {}      # token start of a mention -> the area written right after it
    area_of: dict[int, Place] = {}    # token start of such an area -> the region it is
    for sp, label in cands:
        after = starts.get(sp.end + 1)
        if after is None or doc[sp.end].text != "," or gaz.country(sp.text):
            continue
        nxt = doc[after.end] if after.end < len(doc) else None
        if nxt is not None and (nxt.lower_ in {"and", "or"} or (nxt.text == "," and (after.end + 1) in starts)) or (
                sp.start > 1 and doc[sp.start - 1].text == "," and any(o.end == sp.start - 1 for o, _ in cands)):
            continue   # a list: "stops in Arvel, Brisk and Dunmoor"
        # "Springfield, Oregon", "Arvel, Norland State": the area says which namesake, and the
        # namesake says which area (a US state here, not the country of the same name)
        options = gaz.region(after.text) + [c for c in [gaz.country(after.text, context)] if c is not None]
        towns = gaz.cities(sp.text)
        fitting = [o for o in options if o.country and any(
            t.country == o.country and (o.kind == "country" or o.lat is None or t.lat is None
                                        or _km((t.lat, t.lon), (o.lat, o.lon)) < WITHIN_KM) for t in towns)]
        fitting.sort(key=lambda o: o.kind == "province")     # curated regions before divisions
        pick = (fitting or options or [None])[0]
        if pick is not None:
            areas[sp.start] = pick
            if fitting and pick.kind != "country":
                area_of[after.start] = pick    # the area itself resolves to the fitting region
    for sp, label in cands:
        if sp.start in area_of:
            resolved.append((sp, area_of[sp.start]))    # the state in "Springfield, Oregon"
            continue
        within = areas.get(sp.start)
        if within is not None:
            place = _resolve(gaz, sp.text, label, sp, context, anchors, within)
            if place is UNRESOLVED and within.lat is not None and within.kind != "country":
                place = Place("", "unresolved", within.country, within.lat, within.lon)   # at least in that area
        else:
            key = (fold(sp.text), label in PLACE_LABELS)
            if key not in cache or label not in PLACE_LABELS:
                cache[key] = _resolve(gaz, sp.text, label, sp, context, anchors)
            place = cache[key]
        if place is UNRESOLVED and len(sp) > 1 and sp[0].lower_ in DIRECTION_WORDS:
            part = _resolve(gaz, sp[1:].text, label, sp[1:], context, anchors)
            if part is not None and part is not UNRESOLVED:
                # "Southern Norland", "Eastern Velmora": a part of that place, not the place itself
                place = Place("", "unresolved", part.country, part.lat, part.lon)
        if place is not None:
            resolved.append((sp, place))
    resolved.extend(_list_mates(doc, gaz, resolved))
    resolved.sort(key=lambda r: r[0].start)
    # relabel: every resolved mention becomes a GPE (countries, cities) or LOC (regions)
    new_ents = [Span(doc, sp.start, sp.end, label="GPE" if p.kind in {"country", "city"} else "LOC")
                for sp, p in resolved]
    covered = {i for s in new_ents for i in range(s.start, s.end)}
    keep = [e for e in doc.ents if not any(i in covered for i in range(e.start, e.end))]
    doc.ents = filter_spans(keep + new_ents)

    # group mentions by identity
    def ident(p: Place, sp: Span):
        if p.kind == "unresolved":
            return ("unresolved", fold(sp.text))
        if p.geonameid and p.kind == "city":
            return ("gn", p.geonameid)
        words = fold(p.name).split()
        if len(words) > 1 and words[-1] in ADMIN_SUFFIXES:
            words = words[:-1]     # "Norland Region" and "Norland" (curated and division names) are one region
        return (p.kind, p.country, " ".join(words))

    spans = [sp for sp, _ in resolved]
    parent = list(range(len(resolved)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    first_of: dict = {}
    for i, (sp, p) in enumerate(resolved):
        k = ident(p, sp)
        if k in first_of:
            parent[find(i)] = find(first_of[k])
        else:
            first_of[k] = i
    users: dict[int, dict[str, str]] = {}
    for a, b, user in _dual_name_links(doc, spans, [p for _, p in resolved]):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
        if user:
            users.setdefault(find(a), {})[spans[b].text] = user
    groups: dict[int, list[int]] = {}
    for i in range(len(resolved)):
        groups.setdefault(find(i), []).append(i)
    locations = []
    where = {i: p for sp, p in resolved if p.lat is not None and p.kind != "country" for i in range(sp.start, sp.end)}
    for root, members in sorted(groups.items(), key=lambda kv: min(kv[1])):
        members.sort()
        first_span, place = resolved[members[0]]
        # the best-resolved member gives coordinates (a city beats a country name used as alias)
        best = max((resolved[m][1] for m in members), key=lambda p: (p.lat is not None, p.kind == "city"))
        lat, lon = best.lat, best.lon
        country = best.country
        if lat is None and best.kind == "country" and best.country:
            cap = gaz.capital_of(best.country)
            if cap is not None:
                lat, lon = cap.lat, cap.lon
        if best is UNRESOLVED:
            # a street, camp or village the gazetteer lacks lies, as far as we can tell, in the
            # place it is said to be in, else in the settlement the article last named before it
            # (kind stays "unresolved")
            # (or, better, at the distance and direction the article gives from a placed town:
            # "X, 30 km north of Y")
            offset = next((o for m in members if (o := _offset_from(resolved[m][0], where)) is not None), None)
            if offset is not None:
                lat, lon, country = offset
            else:
                host = _container(first_span, where) or _host_settlement(doc, first_span.start, resolved)
                if host is not None:
                    lat, lon, country = host.lat, host.lon, host.country

        names = []
        for m in members:
            t = resolved[m][0].text
            suffix = (_area_word(resolved[m][0]) if resolved[m][1].kind in {"province", "state", "region"} else None) \
                or _area_word(resolved[m][0], FEATURE_WORDS)
            for n in (t, f"{t} {suffix}" if suffix else None):   # the article calls it both
                if n and n not in names:
                    names.append(n)
        user_map = {}
        for m in members:
            user_map.update(users.get(find(m), {}))
        locations.append(Location(
            text=first_span.text, start=first_span.start_char, end=first_span.end_char,
            name=names[0], aliases=names[1:], kind=best.kind, country=country,
            lat=lat, lon=lon, geonameid=best.geonameid,
            mentions=[Mention(resolved[m][0].text, resolved[m][0].start_char, resolved[m][0].end_char) for m in members],
            name_users=user_map))
    return locations
