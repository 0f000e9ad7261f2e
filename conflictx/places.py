"""Place recognition and resolution: correct the model's place entities, resolve them to the
gazetteer, link dual names ("X, called Y by Z", "X (Y)", "X, known as Y") into one location."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .gazetteer import Gazetteer, Place, fold, get_gazetteer
from .result import Location, Mention
from .vocab import actors

PLACE_LABELS = {"GPE", "LOC", "FAC"}
NOT_PLACE_STARTS = {"operation", "resolution", "article", "mr", "mrs", "ms", "dr", "president", "king", "queen"}
OTHER_LABELS = {"ORG", "PERSON", "NORP"}
PLACE_PREPS = {"in", "at", "near", "from", "to", "outside", "around", "into", "across", "towards",
               "toward", "inside", "throughout", "via", "through", "between", "of"}
PLACE_NOUNS = {"region", "province", "city", "town", "village", "district", "area", "state",
               "county", "oblast", "governorate", "camp", "valley", "border", "enclave", "territory"}
POSSESSIVE = {"'s", "’s", "'", "’"}


@dataclass
class Candidate:
    span: Span                  # cleaned span of the mention
    place: Place | None = None
    group: object = None        # resolved identity key
    aliases_from: list = field(default_factory=list)


def clean_span(span: Span) -> Span | None:
    """Strip determiners, possessive endings and punctuation from the edges of an entity."""
    doc = span.doc
    start, end = span.start, span.end
    # "Azerbaijan’s Mr" -> "Azerbaijan": cut at an inner possessive
    for t in span:
        if t.text in POSSESSIVE and t.i > start:
            end = t.i
            break
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in POSSESSIVE):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _context_says_place(span: Span) -> bool:
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in {"the"} and span.start > 1:
        prev = doc[span.start - 2]
    nxt = doc[span.end] if span.end < len(doc) else None
    return bool((prev is not None and prev.lower_ in PLACE_PREPS) or
                (nxt is not None and nxt.lower_ in PLACE_NOUNS))


ADMIN_SUFFIXES = {"state", "province", "region", "oblast", "governorate", "district", "county", "prefecture"}
UNRESOLVED = Place("", "unresolved", None, None, None)


def _resolve(gaz: Gazetteer, name: str, label: str, span: Span, context: set[str]) -> Place | None:
    if name.lower() in actors().demonyms or name.lower() in actors().seats:
        return None
    country = gaz.country(name)
    regions = gaz.region(name)
    words = name.split()
    if not country and not regions and len(words) > 1 and words[-1].lower() in ADMIN_SUFFIXES:
        regions = [Place(name, "province", p.country, p.lat, p.lon, p.population, p.geonameid)
                   for p in gaz.region(" ".join(words[:-1]))]
    if regions and not country and all(r.kind in {"state", "province"} for r in regions) and \
            not (span.end < len(span.doc) and span.doc[span.end].lower_ in {"state", "province", "region"}):
        big = [c for c in gaz.cities(name) if c.primary and c.population >= 100_000]
        if big:
            regions = []   # "Washington", "New York": the city is what the news means
    if country and regions:
        # "Georgia": the US state when the article is about the US and not about the country's region
        local = [r for r in regions if r.country in context and r.country != country.country]
        near = context & (gaz.neighbours.get(country.country, set()) | {country.country})
        if local and not near:
            return local[0]
    if country:
        return country
    if regions:
        return max(regions, key=lambda p: (p.country in context, p.country is not None))
    key = fold(name)
    if label not in PLACE_LABELS:
        if not (_context_says_place(span) or key in gaz.capitals):
            return None
    cities = gaz.cities(name)
    if not cities:
        # a place entity the gazetteer does not know (a village, a street, a camp): keep it, unplaced
        return UNRESOLVED if label in PLACE_LABELS and any(t.is_alpha and t.text[:1].isupper() for t in span) else None
    if label not in PLACE_LABELS:
        cities = [c for c in cities if c.population >= 1000 or c.primary]
        if not cities:
            return None
    neigh = set().union(*(gaz.neighbours.get(c, set()) for c in context)) if context else set()

    def score(p: Place) -> float:
        s = math.log10(p.population + 10)
        if p.country in context:
            s += 3
        elif p.country in neigh:
            s += 1.5
        if p.primary:
            s += 1
        if gaz.capitals.get(key) == p.country:
            s += 2
        return s
    return max(cities, key=score)


def _candidate_spans(doc: Doc, gaz_known) -> list[tuple[Span, str]]:
    out = []
    taken: set[int] = set()
    person_parts = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS | OTHER_LABELS:
            continue
        sp = clean_span(ent)
        if sp is None or not any(ch.isalpha() for ch in sp.text) or not sp[0].text[:1].isupper():
            continue
        if sp[0].lower_ in NOT_PLACE_STARTS or (sp.text.isupper() and len(sp.text) <= 5 and ent.label_ not in PLACE_LABELS):
            continue
        if len(sp) == 1 and sp.text in person_parts and not gaz_known(sp.text):
            continue   # a surname the model took for a place
        out.append((sp, ent.label_))
        taken.update(range(sp.start, sp.end))
    # proper nouns the model left untagged (or tagged as dates, works ...) right after "in", "at", "near"
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.i == 0:
            continue
        if doc[tok.i - 1].lower_ not in {"in", "at", "near", "outside", "from"} or tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}:
            continue
        end = tok.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and end not in taken:
            end += 1
        sp = doc[tok.i:end]
        taken.update(range(sp.start, sp.end))
        out.append((sp, "PROPN"))
    return out


def _dual_name_links(doc: Doc, spans: list[Span], places: list[Place]) -> list[tuple[int, int, str | None]]:
    """Pairs (i, j, user) of mention indexes that name one place, from the text's wording:
    "X (Y)", "X/Y", "X, called Y (by Z)", "X, known as Y", "X, renamed Y"."""
    links = []
    for j, sp in enumerate(spans):
        if sp.end < len(doc) and doc[sp.end].text in POSSESSIVE:
            continue   # "what it called Baku's aggression": a naming of something else
        k = sp.start - 1
        if k < 1:
            continue
        cue = doc[k]
        user = None
        earlier = [i for i, s in enumerate(spans) if s.end <= k and s.sent == sp.sent and i != j]
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
            elif cue.lower_ not in {"called", "renamed", "aka", "formerly"}:
                continue
            before = doc[verb.i - 1]
            if before.lower_ == "also" and verb.i > 1:
                before = doc[verb.i - 2]
            if before.text != "," and not any(spans[i].end == before.i + 1 for i in earlier):
                continue
            if sp.end + 1 < len(doc) and doc[sp.end].lower_ == "by":
                z = doc[sp.end + 1]
                zspan = next((s for s in spans if s.start <= z.i < s.end), None)
                user = zspan.text if zspan is not None else z.text
            # the renamed place: an earlier mention of the same kind (a city for a city), nearest first
            same_kind = [i for i in earlier if places[i].kind == places[j].kind]
            target = (same_kind or earlier)[-1]
        if target is not None:
            links.append((target, j, user))
    return links


def find_places(doc: Doc, gaz: Gazetteer | None = None) -> list[Location]:
    """Resolve place mentions, relabel the doc's entities, return one Location per real place."""
    gaz = gaz or get_gazetteer()
    cands = _candidate_spans(doc, lambda name: gaz.country(name) is not None or bool(gaz.region(name)))
    # countries named outright give context for picking among same-named cities
    context = {p.country for sp, _ in cands if (p := gaz.country(sp.text)) is not None and not gaz.region(sp.text)}
    resolved: list[tuple[Span, Place]] = []
    cache: dict[tuple[str, bool], Place | None] = {}
    for sp, label in cands:
        key = (fold(sp.text), label in PLACE_LABELS)
        if key not in cache or label not in PLACE_LABELS:
            cache[key] = _resolve(gaz, sp.text, label, sp, context)
        place = cache[key]
        if place is not None:
            resolved.append((sp, place))
    # relabel: every resolved mention becomes a GPE (countries, cities) or LOC (regions)
    new_ents = [Span(doc, sp.start, sp.end, label="GPE" if p.kind in {"country", "city"} else "LOC")
                for sp, p in resolved]
    keep = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in new_ents)]
    doc.ents = filter_spans(keep + new_ents)

    # group mentions by identity
    def ident(p: Place, sp: Span):
        if p is UNRESOLVED:
            return ("unresolved", fold(sp.text))
        return ("gn", p.geonameid) if p.geonameid and p.kind == "city" else (p.kind, p.country, p.name)

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
    for root, members in sorted(groups.items(), key=lambda kv: min(kv[1])):
        members.sort()
        first_span, place = resolved[members[0]]
        # the best-resolved member gives coordinates (a city beats a country name used as alias)
        best = max((resolved[m][1] for m in members), key=lambda p: (p.lat is not None, p.kind == "city"))
        lat, lon = best.lat, best.lon
        if lat is None and best.kind == "country" and best.country:
            cap = gaz.capital_of(best.country)
            if cap is not None:
                lat, lon = cap.lat, cap.lon
        names = []
        for m in members:
            t = resolved[m][0].text
            if t not in names:
                names.append(t)
        user_map = {}
        for m in members:
            user_map.update(users.get(find(m), {}))
        locations.append(Location(
            text=first_span.text, start=first_span.start_char, end=first_span.end_char,
            name=names[0], aliases=names[1:], kind=best.kind, country=best.country,
            lat=lat, lon=lon, geonameid=best.geonameid,
            mentions=[Mention(resolved[m][0].text, resolved[m][0].start_char, resolved[m][0].end_char) for m in members],
            name_users=user_map))
    return locations
