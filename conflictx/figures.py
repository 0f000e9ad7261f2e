"""Figures: counts of people and things in the conflict, with qualifier, unit, category
(from the governing verb, adjective or noun in the parse), part-of links and claimant."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .numbers import parse_number
from .result import Figure, Quote
from .sentences import sent_range, title_case
from .speakers import prep_object
from .vocab import casualties, speech

EXCLUDED_LABELS = {"DATE", "TIME", "ORDINAL", "PERCENT", "MONEY"}
NUMBER_JOINERS = {"million", "billion", "thousand", "hundred", "mn", "bn", "-", "dozen", "1/2", "½", "1/4", "¼", "3/4", "¾"}
UNVERIFIED = re.compile(r"(?:could|can|was|were|has|have)\s+not\s+(?:be\s+)?(?:been\s+)?(?:independently\s+)?verif"
                        r"|unable\s+to\s+(?:independently\s+)?verif|not\s+(?:be\s+)?independently\s+verif"
                        r"|unverified|could\s+not\s+(?:be\s+)?confirm", re.I)
RANGE_TOKEN = re.compile(r"^\d{1,3}(?:,\d{3})*[–-]\d{1,3}(?:,\d{3})*$")
RANGE_WORDS = {"between", "and", "to", "about", "some", "around", "nearly", "more", "than", "up", "at", "least", "over", "almost"}
AGE_WORDS = {"aged", "age", "ages"}
COPULAS = {"be", "remain", "stay", "lie", "become", "go", "leave", "keep", "find", "report", "list", "declare", "confirm"}
LEVEL_VERBS = {"rise", "reach", "climb", "stand", "increase", "jump", "hit", "surpass", "exceed", "top", "grow", "soar"}
EVENT_MAX_CLIMB = 4


def _read_aloud(tok: Token) -> bool:
    """A token like "hundred-73", the tail of "11-hundred-73" (a number spelled as read aloud in a
    broadcast script)."""
    parts = tok.lower_.split("-")
    return len(parts) > 1 and parts[0] in NUMBER_JOINERS and all(p.isdigit() or p in NUMBER_JOINERS for p in parts[1:] if p)


def _number_spans(doc: Doc) -> list[Span]:
    cv = casualties()
    excluded = set()
    for ent in doc.ents:
        if ent.label_ in EXCLUDED_LABELS:
            words = {t.lower_ for t in ent if t.is_alpha} - RANGE_WORDS
            if ent.label_ == "DATE" and not words:
                continue   # "between 10 and 15" tagged as a date: still a count
            excluded.update(range(ent.start, ent.end))
    spans = []
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        low = tok.lower_
        # vague quantities: "dozens", "tens of thousands"
        if low in {"tens", "hundreds"} and i + 2 < n and doc[i + 1].lower_ == "of" and doc[i + 2].lower_ in {"thousands", "millions"}:
            spans.append(doc[i:i + 3])
            i += 3
            continue
        if low == "dozen" and i > 0 and doc[i - 1].lower_ in {"a", "one"} and i not in excluded:
            spans.append(doc[i - 1:i + 1])
            i += 1
            continue
        if RANGE_TOKEN.match(tok.text) and i not in excluded:
            spans.append(doc[i:i + 1])
            i += 1
            continue
        if low in cv.vague and low not in {"many", "few", "several", "numerous", "a few"} and i not in excluded:
            spans.append(doc[i:i + 1])
            i += 1
            continue
        if (tok.like_num or tok.pos_ == "NUM") and i not in excluded and tok.lower_ not in {"one"} or (
                low == "one" and tok.dep_ == "nummod" and i not in excluded):
            j = i + 1
            while j < n and j not in excluded and (doc[j].lower_ in NUMBER_JOINERS or _read_aloud(doc[j]) or (
                    doc[j].like_num and (doc[j - 1].lower_ == "-" or doc[j - 1].lower_ in NUMBER_JOINERS or doc[j - 1].like_num)
                    and not re.match(r"^\d", doc[j].text) == bool(re.match(r"^\d", doc[j - 1].text)) is False)):
                if doc[j].lower_ == "-" and not (j + 1 < n and (doc[j + 1].like_num and not doc[j + 1].text[:1].isdigit()
                                                                 or _read_aloud(doc[j + 1]))):
                    break
                j += 1
            spans.append(doc[i:j])
            i = j
            continue
        i += 1
    return spans


def _qualifier(doc: Doc, span: Span) -> tuple[str, Span]:
    """The hedge before a number and the span widened to include it."""
    cv = casualties()
    before = [t.lower_ for t in doc[max(0, span.start - 4):span.start]]
    for words, name in cv.qualifiers:
        if len(words) <= len(before) and before[-len(words):] == words:
            return name, doc[span.start - len(words):span.end]
    return "exact", span


def _unit_tokens(head: Token, number: Span) -> Span:
    doc = head.doc
    start = head.i
    for child in head.lefts:
        if child.dep_ in {"compound", "amod", "nmod"} and child.i > number.end - 1 and child.pos_ != "NUM":
            start = min(start, child.left_edge.i if child.left_edge.i >= number.end else child.i)
    end = head.i + 1
    # "12 women and children" is one count; "85 patients and 106 companions" two
    conj = [c for c in head.rights if c.dep_ == "conj" and not any(g.dep_ == "nummod" for g in c.children)]
    end = max(end, max((c.right_edge.i + 1 for c in conj), default=end))
    return doc[start:end]


SETTING_PREPS = {"from", "in", "at", "across", "near", "into", "since", "over", "during", "after", "before", "within"}
def _in_setting(tok: Token) -> bool:
    """A noun after "from", "in", "at" ... on a verb: where or how something happened."""
    return tok.dep_ == "pobj" and tok.head.pos_ == "ADP" and tok.head.lower_ in SETTING_PREPS \
        and tok.head.head.pos_ in {"VERB", "AUX"}


MODALS = {"would", "will", "could", "should", "must", "'ll", "can"}   # not "may", "might": "may have killed 40" is a hedged report


def _category_of_word(tok: Token) -> str | None:
    cv = casualties()
    lemma, low = tok.lemma_.lower(), tok.lower_
    if tok.pos_ in {"VERB", "AUX"} and any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children):
        return None   # "who would be treated", "could be killed": not something that happened
    if tok.pos_ in {"VERB", "AUX"}:
        if lemma == "set" and any(c.lower_ in {"on", "ablaze", "alight"} for c in tok.children):
            return "destroyed"   # "set on fire", "set ablaze"
        if lemma in {"seek", "find", "take"} and any(c.dep_ == "dobj" and c.lower_ in cv.refuge for c in tok.children):
            return "displaced"   # "9,000 families have sought refuge"
        if lemma in cv.harm_verbs and any(c.dep_ == "dobj" and c.lower_ in cv.injury_objects for c in tok.children):
            return "injured"     # "hundreds of people had sustained bullet wounds"
        if lemma in {"live", "stay"} and any(
                g.dep_ == "pobj" and (g.lower_ in cv.displacement_settings or " ".join(
                    [x.lower_ for x in g.lefts if x.dep_ in {"compound", "amod"}] + [g.lower_]) in cv.displacement_settings)
                for c in tok.children if c.dep_ == "prep" and c.lower_ in {"in", "with"} for g in c.children):
            return "displaced"   # "4,000 people are still living in shelters or with relatives"
        if lemma in cv.removal and (
                any(t.dep_ == "pobj" and t.lower_ in cv.homes and t.head.lower_ in {"from", "of"}
                    for c in tok.children if c.dep_ == "prep" for t in c.subtree)
                or any(c.dep_ == "xcomp" and cv.verbs.get(c.lemma_.lower()) == "displaced" for c in tok.children)):
            # "drove 130,000 people from their homes", "forced 5,000 families out of their homes",
            # "were forced to flee" (but not "forced 30 men to dig trenches")
            return "displaced"
        return cv.verbs.get(lemma) or (cv.adjectives.get(low) if tok.tag_ in {"VBN", "VBG"} else None)
    if tok.pos_ in {"ADJ", "NOUN"} or tok.tag_ == "VBN":
        return cv.adjectives.get(low) or cv.verbs.get(lemma)
    return None


def _predicate_category(verb: Token) -> str | None:
    """ "were missing", "remain missing", "left 87 people dead": the adjective after a copula; "were
    part of the evacuations": the event they were part of."""
    cv = casualties()
    for c in verb.children:
        if c.dep_ in {"acomp", "oprd", "xcomp", "ccomp", "attr", "advmod"} and c.i > verb.i:
            cat = cv.adjectives.get(c.lower_)
            if cat:
                return cat
            if c.lower_ == "part":   # "were part of a third round of evacuations"
                whole = c
                for _ in range(2):
                    whole = prep_object(whole, preps={"of"})
                    if whole is None:
                        break
                    cat = cv.nouns.get(whole.lower_) or cv.nouns.get(whole.lemma_.lower())
                    if cat and cat != "population":
                        return cat
    # "the number of dead could be as high as 13": the subject says what the predicate counts
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i), None)
    if subj is not None and subj.lower_ in cv.tallies:
        counted = prep_object(subj, preps={"of"})
        if counted is not None:
            return cv.adjectives.get(counted.lower_) or cv.nouns.get(counted.lower_) or cv.nouns.get(counted.lemma_.lower())
    return None


def _perfect(verb: Token) -> bool:
    """A verb with a "have" auxiliary: "have killed", "has fled"."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _relative_object(clause: Token) -> bool:
    """ "the 300 civilians they had detained": the noun is the object of a relative clause that has
    a subject of its own and no object; not "the villages where soldiers died"."""
    return clause.lemma_.lower() not in casualties().intransitive and not any(
        c.dep_ == "dobj" or (c.dep_ == "advmod" and c.lower_ in {"where", "when", "why", "how"}) for c in clause.children)


def _event_category(anchor: Token, unit_is_person: bool) -> str | None:
    """Walk up from the counted noun to the verb or adjective that says what happened to it."""
    cv = casualties()
    # "has killed 100 people and injured dozens": the parser makes the verb an adjective of "dozens"
    if anchor.lower_ in cv.vague and anchor.i > 0:
        before = anchor.doc[anchor.i - 1]
        if before.head.i == anchor.i and before.dep_ == "amod" and before.tag_ in {"VBN", "VBD"}:
            cat = _category_of_word(before)
            if cat:
                return _adjust(cat, before, unit_is_person)
    # what happened to the noun: "31 people killed" (acl), "civilians who were killed" (relcl)
    for child in anchor.children:
        if child.dep_ in {"acl", "relcl"} or (child.dep_ == "conj" and child.pos_ == "ADJ"):
            cat = _category_of_word(child)
            own_subject = child.dep_ == "relcl" and any(
                c.dep_ == "nsubj" and c.i != anchor.i and c.lower_ not in {"who", "which", "that"} for c in child.children)
            if cat and (not own_subject or _relative_object(child)):
                return _adjust(cat, child, unit_is_person)
    # "taken 12 soldiers prisoner"
    if any(c.lower_ in {"prisoner", "prisoners", "captive", "hostage", "hostages"} and c.i != anchor.i
           for c in (*anchor.children, *anchor.head.children)):   # (not "two hostages were injured")
        return "detained"
    climbed = _climb_category(anchor, unit_is_person)
    if climbed and climbed != "population":
        return climbed      # "evacuated 35 injured patients": the event
    # the state the article gives the people themselves: "camps housing 600,000 displaced people"
    if unit_is_person:
        for child in anchor.children:
            if child.dep_ == "amod" and child.i < anchor.i and cv.adjectives.get(child.lower_):
                return cv.adjectives[child.lower_]
    # "four children were among the dead", "among the injured were two children"
    for holder in (anchor.head, anchor.head.head):
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ == "among":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and (pobj.lower_ in cv.adjectives or pobj.lower_ in cv.nouns):
                    return cv.adjectives.get(pobj.lower_) or cv.nouns.get(pobj.lower_)
    if climbed:
        # "a camp home to 24,000 refugees": the people are refugees wherever they now live
        return "displaced" if cv.nouns.get(anchor.lower_) == "displaced" else climbed
    # a state of the noun: "wounded civilians", "12 dead"
    for child in anchor.children:
        if child.dep_ == "amod":
            cat = _category_of_word(child)
            if cat:
                return _adjust(cat, child, unit_is_person)
    return None


def _climb_category(anchor: Token, unit_is_person: bool) -> str | None:
    cv = casualties()
    tok = anchor
    for _ in range(EVENT_MAX_CLIMB):
        dep = tok.dep_
        head = tok.head
        if head.i == tok.i:
            break
        if head.lemma_.lower() in COPULAS or head.pos_ == "AUX":
            cat = _predicate_category(head)
            if cat:
                return cat
        if head.lower_ == "home" and tok.lower_ == "to":
            return "population"   # "home to 1.5 million people" (the parser may call "home" an adverb)
        if _in_setting(tok):
            return None   # "displaced from the two regions", "killed in 3 attacks": where or how, not who
        if tok is anchor and dep == "pobj" and head.lower_ == "for" and head.head.pos_ in {"VERB", "AUX"}:
            return None   # "funerals were held for 34 victims": done for them, not to them
        if head.pos_ == "NOUN" and head.lower_ in cv.dead_units and dep in {"pobj", "prep"}:
            return "killed"   # "the bodies of two soldiers"
        if head.lemma_.lower() == "include" and dep in {"dobj", "attr"}:
            subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None and (subj.lower_ in cv.adjectives or subj.lower_ in cv.nouns):
                return cv.adjectives.get(subj.lower_) or cv.nouns.get(subj.lower_)   # "the dead included four civilians"
        if head.pos_ == "NOUN" and dep in {"pobj", "prep"}:
            cat = cv.nouns.get(head.lower_)
            if (head.lower_ == "home" and tok.lower_ == "to") or (head.lower_ in cv.settlements and tok.lower_ == "of"):
                return "population"   # "home to 1.5 million people", "a town of 20,000 people"
            if cat in {"population", "killed"} and head.lower_ in {"population", "toll", "death toll", "life", "lives"}:
                return cat   # "a population of 20,000", "claimed the lives of 12 people"
        if head.pos_ in {"VERB", "AUX", "ADJ"} or head.tag_ == "VBN":
            cat = _category_of_word(head)
            if cat:
                # the agent of an active verb did the killing; only patients (or intransitive subjects) count
                # ("have killed" is active too; "have sought refuge" names the subject's own fate)
                perfect = _perfect(head) and cv.verbs.get(head.lemma_.lower()) == cat
                if dep == "nsubj" and head.lemma_.lower() not in cv.intransitive | cv.harm_verbs \
                        and head.pos_ == "VERB" and (perfect or head.tag_ != "VBN" and head.lower_ not in cv.adjectives):
                    return None
                return _adjust(cat, head, unit_is_person)
            if dep in {"nsubj", "nsubjpass"} and head.pos_ == "VERB":
                # "two staff members were attacked ... and were seriously wounded": a verb sharing the subject
                for c in head.children:
                    if c.dep_ == "conj" and c.pos_ == "VERB" and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children):
                        cat = _category_of_word(c)
                        if cat and (c.tag_ == "VBN" or (dep == "nsubj" and c.lemma_.lower() in cv.intransitive)):
                            return _adjust(cat, c, unit_is_person)
            if head.lemma_.lower() in LEVEL_VERBS:
                subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None:
                    cat = cv.nouns.get(subj.lower_) or cv.nouns.get(subj.lemma_.lower())
                    if cat:
                        return cat
            if dep == "dobj" and head.lemma_.lower() in speech().say:
                # "townspeople claim 25 civilians, including children, were killed": the parser makes
                # the victims the object of "claim" and leaves "were killed" without a subject
                clause = next((c for c in head.children if c.dep_ == "ccomp" and c.i > tok.i
                               and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)), None)
                cat = _category_of_word(clause) if clause is not None else None
                if cat:
                    return _adjust(cat, clause, unit_is_person)
            if dep in {"dobj", "nsubjpass", "attr", "oprd"}:
                # "killing at least 12": the number is the object of a participle
                break
        if dep in {"pobj", "prep", "nummod", "quantmod", "npadvmod", "appos", "conj", "nsubj", "dobj", "nsubjpass", "attr"} or head.pos_ in {"ADP"}:
            tok = head
            continue
        break
    return None


def _nearby_event(doc: Doc, span: Span, unit_is_person: bool) -> str | None:
    """When the parse gives nothing: a casualty verb right before ("killing at least 32", "the feud
    that has killed some 900 villagers began ...", where the parser makes the villagers the subject
    of "began") or a participle right after ("32 people killed") in the same clause."""
    cv = casualties()
    if span.start > 0 and doc[span.start - 1].lower_ == "to":
        # "..., bringing the death toll in three days of fighting to about 43"
        for t in reversed(doc[max(sent_range(doc, span.start)[0], span.start - 12):span.start - 1]):
            if t.text in {".", ";"}:
                break
            if t.lower_ == "toll":
                return cv.nouns.get("toll")
    for t in reversed(doc[max(0, span.start - 3):span.start]):
        if t.is_punct:
            break
        headline = _headline_verb(t) if t.i == span.start - 1 else None
        if headline:
            return _adjust(headline, t, unit_is_person)   # "Shelling Kills 9 Villagers": tagged a proper noun
        perfect = t.tag_ == "VBN" and _perfect(t)
        if t.pos_ == "VERB" and (t.tag_ in {"VBG", "VBD", "VBZ", "VBP"} or perfect) and cv.verbs.get(t.lemma_.lower()):
            return _adjust(cv.verbs[t.lemma_.lower()], t, unit_is_person)
    for t in doc[span.end:min(len(doc), span.end + 3)]:
        if t.is_punct:
            break
        if t.tag_ == "VBN" and (cv.verbs.get(t.lemma_.lower()) or cv.adjectives.get(t.lower_)):
            return _adjust(cv.verbs.get(t.lemma_.lower()) or cv.adjectives[t.lower_], t, unit_is_person)
    # past the counted noun phrase: "some 40 militia fighters unaccounted for", "12 fishermen still missing"
    k = span.end
    while k < len(doc) and k < span.end + 5 and doc[k].pos_ in {"NOUN", "PROPN"}:
        k += 1
    if k > span.end and unit_is_person:
        for t in doc[k:min(len(doc), k + 2)]:
            if t.is_punct:
                break
            if t.tag_ in {"VBN", "VBD", "JJ"} and t.lower_ in cv.adjectives:
                return cv.adjectives[t.lower_]
    return None


def _headline_verb(tok: Token) -> str | None:
    """The category of a capitalised casualty verb right before a number in a Title Case headline
    ("Kills 9", "Kill 14"), which the tagger may take for a name."""
    if not tok.is_title or tok.pos_ not in {"PROPN", "NOUN", "VERB"} or not title_case(tok.doc, tok.i):
        return None
    cv = casualties()
    stem = next((w for w in (tok.lower_, tok.lower_[:-1] if tok.lower_.endswith("s") else "") if w in cv.headline_verbs), None)
    return cv.verbs.get(stem) if stem else None


def _adjust(cat: str, word: Token, unit_is_person: bool) -> str:
    lemma = word.lemma_.lower()
    if lemma == "take" and unit_is_person and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ in casualties().evacuation_to for g in c.children)
            for c in word.children):
        return "evacuated"   # "13 patients were taken to the hospital"
    if lemma == "recover":
        return "other" if unit_is_person else "seized"   # "recovered 40 rifles"; recovered bodies are no new count
    if cat == "seized" and unit_is_person and lemma in {"capture", "take", "seize", "hold"}:
        return "detained"
    if cat == "detained" and not unit_is_person and lemma in {"capture", "take", "hold"}:
        return "seized"
    if cat == "killed" and lemma == "lose" and not unit_is_person:
        return "destroyed"
    if cat == "destroyed" and unit_is_person and lemma in {"hit", "strike", "shoot", "down"}:
        return "killed" if lemma == "shoot" else "injured"
    return cat


SINGLE_DETS = {"a", "an", "another", "one"}
SINGLE_CATEGORIES = {"killed", "injured", "missing", "detained"}


def _single_victims(doc: Doc, figures: list[Figure]) -> list[Figure]:
    """One person named as a victim without a number: "a policeman was also killed", "killing a
    bystander". Counted as 1 when the verb is a casualty verb and the noun a person."""
    cv = casualties()
    taken = [(f.start, f.end) for f in figures]
    out = []
    for tok in doc:
        if tok.tag_ != "NN" or tok.dep_ not in {"nsubjpass", "dobj", "nsubj"}:
            continue
        det = next((c for c in tok.children if c.dep_ in {"det", "nummod"} and c.i < tok.i), None)
        if det is None or det.lower_ not in SINGLE_DETS or tok.lemma_.lower() not in cv.single_persons:
            continue
        people = [tok]
        nxt = next((c for c in tok.children if c.dep_ == "conj"), None)
        while nxt is not None:
            # "a French soldier and his interpreter were killed": two, one after the other
            if nxt.tag_ != "NN" or nxt.lemma_.lower() not in cv.single_persons or not any(
                    c.dep_ in {"det", "poss"} for c in nxt.children):
                people = []
                break
            people.append(nxt)
            nxt = next((c for c in nxt.children if c.dep_ == "conj"), None)
        if not people:
            continue
        verb = tok.head
        cat = _category_of_word(verb) if verb.pos_ in {"VERB", "AUX"} else None
        if cat not in SINGLE_CATEGORIES or (tok.dep_ == "nsubj" and verb.lemma_.lower() not in cv.intransitive - {"live", "stay"}):
            continue
        cat = _adjust(cat, verb, True)
        phrase = doc[det.i:people[-1].i + 1]
        if cat not in SINGLE_CATEGORIES or any(s <= phrase.start_char < e for s, e in taken):
            continue
        n = len(people)
        out.append(Figure(phrase.text, phrase.start_char, phrase.end_char, n, n, n, "exact",
                          tok.text if n == 1 else "people", cat))
    return out


def find_figures(doc: Doc, quotes: list[Quote]) -> list[Figure]:
    cv = casualties()
    unverified = bool(UNVERIFIED.search(doc.text))
    figures: list[Figure] = []
    index_of_token: dict[int, int] = {}
    consumed: set[int] = set()     # the second number of a range
    for span in _number_spans(doc):
        if span.start in consumed:
            continue
        if RANGE_TOKEN.match(span.text):
            value, vague = parse_number(re.split(r"[–-]", span.text)[0])
        else:
            value, vague = parse_number(span.text)
        if value is None:
            continue
        first = span[0]
        if len(span) == 1 and first.text.isdigit() and 1500 <= int(first.text) <= 2100 and first.head.pos_ not in {"NOUN"}:
            continue   # a year
        if first.lower_ == "one" and span.end < len(doc) and doc[span.end].lower_ == "of":
            continue
        prev_tok = doc[span.start - 1] if span.start > 0 else None
        if prev_tok is not None and prev_tok.lower_ in AGE_WORDS:
            continue   # an age
        if re.match(r"^0\d", first.text):
            continue   # phone numbers, codes
        headline_verb = prev_tok is not None and _headline_verb(prev_tok) is not None   # "Blast Kills 3, Wounds 7"
        if prev_tok is not None and prev_tok.text[:1].isupper() and prev_tok.pos_ in {"PROPN", "NOUN"} and \
                span[-1].head.i == prev_tok.i and prev_tok.lower_ not in cv.person_units and not headline_verb:
            continue   # an identifier: "Article 12", "Route 9", "Resolution 2334"
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.text in {"-", "‑"} and not span[-1].whitespace_ and span.end + 1 < len(doc) \
                and doc[span.end + 1].is_alpha and not doc[span.end + 1].like_num \
                and doc[span.end + 1].lower_ not in cv.person_units:
            continue   # part of a compound modifier: "a two-handed stance", "a three-day truce" (not "80-people")
        if prev_tok is not None and prev_tok.text == "," and span.start > 1 and doc[span.start - 2].ent_type_ == "PERSON" \
                and value < 120 and (nxt is None or nxt.text in {",", ")", ";"}):
            continue   # "Dana Oyelaran, 34, was ...": an age
        qualifier, full = _qualifier(doc, span)
        low = high = value
        if RANGE_TOKEN.match(first.text) and len(span) == 1:
            a, b = re.split(r"[–-]", first.text)
            lv, _ = parse_number(a)
            hv, _ = parse_number(b)
            if lv is not None and hv is not None and hv > lv:
                value, low, high, qualifier = lv, lv, hv, "range"
        # ranges: "between 10 and 15", "10-15", "10 to 15"
        if nxt is not None and nxt.lower_ in {"-", "–", "to", "and"} and span.end + 1 < len(doc):
            other = doc[span.end + 1]
            prev_word = doc[full.start - 1].lower_ if full.start > 0 else ""
            if other.like_num and (nxt.lower_ != "and" or prev_word == "between"):
                hv, _ = parse_number(other.text)
                if hv is not None and hv > value:
                    high, qualifier = hv, "range"
                    consumed.add(other.i)
                    full = doc[full.start - (1 if prev_word == "between" else 0):span.end + 2]
        if vague:
            qualifier = "vague" if qualifier == "exact" else qualifier
        # the counted noun
        num_head = span[-1]
        if high != low and full.end - 1 > span.end - 1:
            # in a range the noun hangs off either number
            other = doc[full.end - 1]
            if other.dep_ == "nummod" and other.head.pos_ in {"NOUN", "PROPN"}:
                num_head = other
        if nxt is not None and nxt.lower_ == "of" and (vague or num_head.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}):
            pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
            noun = pobj
        elif nxt is not None and nxt.lower_ == "of" and nxt.i + 1 < len(doc) and doc[nxt.i + 1].like_num \
                and doc[nxt.i + 1].head.pos_ == "NOUN" and doc[nxt.i + 1].head.i > nxt.i:
            noun = doc[nxt.i + 1].head   # "two of five warehouses": the count is of warehouses
        elif num_head.dep_ in {"nummod", "quantmod", "amod", "compound"} and num_head.head.pos_ in {"NOUN", "PROPN"} \
                and num_head.head.lower_ not in cv.adjectives and not (headline_verb and num_head.head.i == prev_tok.i):
            noun = num_head.head
            while noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i == noun.i + 1:
                noun = noun.head   # "14 aid workers": the parser hangs the number on "aid"
        elif num_head.pos_ in {"NOUN"} and not num_head.like_num and num_head.lower_ not in cv.vague:
            noun = num_head
        else:
            noun = None
        attr = None
        if noun is None and num_head.dep_ in {"nsubj", "nsubjpass"}:
            attr = next((c for c in num_head.head.children if c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"}), None)
        unit_span = _unit_tokens(noun, span) if noun is not None else (
            _unit_tokens(attr, span) if attr is not None else None)
        unit = unit_span.text if unit_span is not None else None
        unit_low = (noun or attr).lower_ if (noun or attr) is not None else None
        if unit_low and (unit_low in cv.not_units or (noun is not None and noun.ent_type_ in EXCLUDED_LABELS)):
            continue
        if unit_low in cv.adjectives:
            unit, unit_low = "people", "people"   # "dozens of wounded"
        unit_is_person = unit_low is None or unit_low in cv.person_units or (noun is not None and noun.lemma_.lower() in cv.person_units)
        anchor = noun if noun is not None else num_head
        # "two, three, even four times": a list of numbers counting something uncountable
        k = span.end
        while k < len(doc) and k < span.end + 6 and (doc[k].like_num or doc[k].is_punct or doc[k].lower_ in {"or", "and", "even", "to"}):
            k += 1
        if k < len(doc) and doc[k].lower_ in cv.not_units and noun is None:
            continue
        # "places for up to 3,000 evacuees", "water for 150,000 people": what could be served, not a count
        holder = anchor.head
        if holder.lower_ == "for" and (holder.head.lower_ in cv.capacity or any(
                c.dep_ == "dobj" and c.lower_ in cv.capacity for c in holder.head.children)):
            category = "other"
        elif anchor.dep_ == "pobj" and anchor.head.lower_ == "by" and anchor.head.head.tag_ == "VBN":
            category = None   # "shot by two gunmen", "hit by eight bullets": the doer, not the victims
        else:
            category = _event_category(anchor, unit_is_person)
            if category is None and not _in_setting(anchor):
                category = _nearby_event(doc, full, unit_is_person)
        if category is None and noun is None and nxt is not None and nxt.lower_ in cv.adjectives:
            category = cv.adjectives[nxt.lower_]   # "counted 41 injured", "12 dead"
        if category is None and unit_low:
            counted = noun or attr
            compound = " ".join([c.lower_ for c in counted.children if c.dep_ == "compound" and c.i < counted.i] + [unit_low])
            category = cv.nouns.get(unit_low) or cv.nouns.get(counted.lemma_.lower()) or cv.nouns.get(compound)
            if category and noun is not None and noun.lower_ in {"toll", "death toll"}:
                category = "killed"
        part_of = None
        # "31 killed, including four civilians" / "90,000 inhabitants, of which 9,000 are ..."
        for tok in (anchor.head, anchor.head.head, anchor.head.head.head):
            if tok.dep_ == "relcl" or tok.lower_ in {"including", "among"} or tok.dep_ == "prep":
                parent = tok.head if tok.lower_ in {"including", "among"} or tok.dep_ == "prep" else tok.head
                if parent.i in index_of_token and index_of_token[parent.i] < len(figures):
                    part_of = index_of_token[parent.i]
                    break
        if part_of is None and any(t.lower_ in {"including", "among"} for t in doc[max(0, full.start - 2):full.start]):
            # "37 wounded people were admitted, including 12 children": the parser hangs "including"
            # on the verb; the part belongs to the last count before it in the sentence
            sent_start = sent_range(doc, full.start)[0]
            earlier = [k for k, f in enumerate(figures) if f.start >= doc[sent_start].idx and f.end <= full.start_char]
            if earlier:
                part_of = earlier[-1]
        if part_of is not None:
            parent_fig = figures[part_of]
            if category is None or category == "population" and parent_fig.category != "population":
                category = parent_fig.category
        if unit_low == "lives":
            # "the clashes took up to 50 lives", "40 lives were lost"; not "medics saved 40 lives"
            category = "killed" if anchor.head.lemma_.lower() in cv.life_taking else "other"
        if unit_low in cv.dead_units and category not in {None, "killed"}:
            category = "killed"   # "100 bodies scattered along the road", "burned bodies"
        if category == "displaced" and (unit_low in cv.not_displaced or (unit_low is None and any(
                t.lower_ in cv.not_displaced for t in doc[sent_range(doc, full.start)[0]:full.start]))):
            category = "other"   # "expelled 60 diplomats", "... and Arvel has expelled 13"
        if category in {"evacuated", "injured", "missing"} and unit_low in cv.structures:
            category = "other"   # "two of five warehouses were evacuated": buildings, not people
        if category is None and unit is None and num_head.dep_ == "appos" and figures:
            # "claimed the lives of 12 people, six in each": a share of the count just before
            between = doc.text[figures[-1].end:full.start_char]
            if len(between) <= 30 and between.rstrip().endswith(",") and "." not in between:
                category, unit, part_of = figures[-1].category, figures[-1].unit, len(figures) - 1
        if category is None:
            if unit is None:
                continue
            category = "other"
        if unit is None:
            unit = "people" if category in {"killed", "injured", "missing", "detained", "displaced", "evacuated", "population"} else None
        figures.append(Figure(full.text, full.start_char, full.end_char, value, low, high, qualifier, unit, category,
                              part_of=part_of))
        for t in ([noun] if noun is not None else []) + [num_head]:
            index_of_token[t.i] = len(figures) - 1
    figures.extend(_single_victims(doc, figures))
    figures.sort(key=lambda f: f.start)
    # claimant: the speaker of the quote the figure sits in
    for f in figures:
        q = next((q for q in quotes if q.start <= f.start and f.end <= q.end), None)
        if q is not None:
            f.source = q.speaker.name
            f.verified = False if unverified else None
    return figures
