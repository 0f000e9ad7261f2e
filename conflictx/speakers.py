"""Speaker phrases and their resolution: full names for surname mentions, pronouns to the last
fitting speaker, capitals and seats of power to the government they stand for."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter

from spacy.tokens import Doc, Span, Token

from .gazetteer import fold, get_gazetteer
from .result import Speaker
from .sentences import sent_range
from .vocab import actors, speech

TITLES = actors().titles
PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
GROUP_PRONOUNS = {"they", "it", "which", "who", "that", "we", "i", "them"}
RELATIVE = {"which", "who", "that", "whom"}
SPOKES_NOUNS = {"spokesperson", "spokesman", "spokeswoman"}
GENDERED_TITLES = actors().gendered_titles
LOOKBACK_TOKENS = 600   # how far back a pronoun looks for a named antecedent
NP_LEFT_DEPS = {"compound", "amod", "det", "poss", "nmod", "case", "nummod", "quantmod", "punct", "advmod"}


NAME_PREPS = actors().name_preps   # inside a body's name: "Reporters Without Borders"


def noun_phrase(tok: Token, with_conj: bool = True) -> Span:
    """The noun phrase headed by tok: modifiers to the left, "of"-phrases and conjuncts to the right;
    no appositions or relative clauses."""
    doc = tok.doc
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in NP_LEFT_DEPS:
            start = min(start, child.left_edge.i)
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in {"case", "compound", "flat"} or (child.dep_ == "prep" and child.lower_ == "of"):
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "prep" and child.lower_ in NAME_PREPS and child.i == tok.i + 1 and tok.text[:1].isupper() \
                and tok.ent_type_ != "PERSON" and tok.i + 2 < len(doc) and doc[tok.i + 2].text[:1].isupper() \
                and all(t.text[:1].isupper() for t in child.subtree if t.is_alpha and t.i > child.i and t.lower_ not in {"and", "of"}):
            end = max(end, child.right_edge.i + 1)   # "Doctors without Borders", "Physicians for Human Rights"
        elif with_conj and child.dep_ in {"conj", "cc"} and child.pos_ in {"PROPN", "NOUN", "CCONJ"}:
            end = max(end, child.right_edge.i + 1) if child.dep_ == "conj" else end
        elif child.dep_ == "punct" and child.text == "," and with_conj and any(c.dep_ == "conj" for c in tok.rights):
            continue
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


def prep_object(*holders: Token, preps: frozenset[str] | set[str] = frozenset({"by", "from"})) -> Token | None:
    """The object of the first "by"/"from" phrase on any of ``holders``: the author in "a statement
    by the ministry" (the parser may hang "by" on the verb instead of the noun)."""
    return next((g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in preps
                 for g in c.children if g.dep_ == "pobj"), None)


def role_of(head: Token) -> str | None:
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"}:
            sp = head.doc[child.left_edge.i:child.right_edge.i + 1]
            text = sp.text.strip(" ,–—-")
            if text:
                return text
    return None


def name_tail(span: Span) -> Span | None:
    """The personal name at the end of a phrase: "US envoy Jane Doe-Smith" -> "Jane Doe-Smith"."""
    end = span.end
    while end > span.start and (span.doc[end - 1].is_punct and span.doc[end - 1].text not in "-"):
        end -= 1
    start = end
    while start > span.start:
        t = span.doc[start - 1]
        if t.text == "-" and not t.whitespace_ and start - 1 > span.start:
            start -= 1
            continue
        if t.is_alpha and t.text[:1].isupper() and t.lower_ not in TITLES and t.pos_ == "PROPN":
            start -= 1
            continue
        break
    while start < end and span.doc[start].text == "-":
        start += 1
    return span.doc[start:end] if end > start else None


def words_of(span: Span) -> set[str]:
    return {t.lower_ for t in span}


def surname_key(tokens: list[Token]) -> str:
    """The last name of a token run, hyphenated parts included: "Okonkwo-Lind"."""
    k = len(tokens) - 1
    while k >= 2 and tokens[k - 1].text == "-" and not tokens[k - 1].whitespace_ and not tokens[k - 2].whitespace_:
        k -= 2
    return "".join(t.text_with_ws for t in tokens[k:]).strip().lower()


def _located_apposition(name: Token, head: Token) -> bool:
    """The name hangs on ``head`` only through appositions and place phrases ("the official in
    Arvel province, Chief Minister, Ivo Renk"), not through "of"/"for" ("the wife of the governor,
    Mira Renk": the governor's name)."""
    t = name
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ not in {"appos", "pobj", "prep", "compound", "conj"} or (t.dep_ == "prep" and t.lower_ not in {"in", "at"}):
            return False
        t = t.head
    return t.i == head.i


def _statement_noun(tok: Token) -> bool:
    """ "statement", "posts", "warnings" (not "spokesman"): a noun that stands for its author."""
    nouns = speech().nouns
    return (tok.lower_ in nouns or tok.lemma_.lower() in nouns) and tok.lower_ not in SPOKES_NOUNS


def _bracketed(tok: Token) -> bool:
    """A phrase in brackets: "Arvel (North Velmora)"."""
    left = tok.left_edge.i
    return tok.doc[left].text == "(" or (left > 0 and tok.doc[left - 1].text == "(")


def _modifiers(noun: Token) -> list[str]:
    return [t.text for t in noun.subtree if t.i < noun.i and t.dep_ not in {"det", "poss", "case", "punct"}]


def _same_title(earlier: Token, later: Token) -> bool:
    """ "the U.N. chief" may repeat "the United Nations chief" but not "the army chief": each word
    before the later title is among the earlier one's, or is their initials."""
    before = _modifiers(earlier)
    words = {w.lower() for t in before for w in t.split("-")}
    initials = "".join(w[0] for w in before if w[:1].isupper()).lower()
    for w in _modifiers(later):
        if w.lower() not in words and w.replace(".", "").lower() != initials:
            return False
    return True


def _reported(tok: Token) -> bool:
    """A token inside the clause a speech verb reports ("X said [Y took office]")."""
    say = speech().say
    for anc in tok.ancestors:
        if anc.dep_ == "ccomp" and anc.head.lemma_.lower() in say:
            return True
    return False


def _own_gender(subj: Token) -> str | None:
    """The gender a subject's own possessive gives it: "a commander told his fighters ..." -> "m"."""
    verb = subj.head
    for c in verb.children:
        if c.dep_ in {"dobj", "dative", "prep"} and c.i > subj.i:
            for x in c.subtree:
                if x.dep_ == "poss" and x.lower_ in {"his", "her"}:
                    return "m" if x.lower_ == "his" else "f"
    return None


def _lost_subject(tok: Token) -> bool:
    """A name the parser hung on a phrase before a verb that has no subject: "In a long interview with
    Radio Kessel, Dario Velk, commander of ..., explains ..." (Velk parsed as an apposition or conjunct of the radio)."""
    if tok.dep_ not in {"appos", "conj"} or tok.ent_type_ != "PERSON" or tok.head.ent_type_ == "PERSON":
        return False
    root = tok.sent.root
    return root.pos_ == "VERB" and root.i > tok.i and not any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in root.children)


def _name_word(tok: Token) -> bool:
    """A word of a person's name: capitalised, a particle ("bin", "van"), or after a joining
    hyphen ("Ji-hoon")."""
    doc = tok.doc
    return tok.text[:1].isupper() or tok.lower_ in actors().name_particles or (
        tok.i > 1 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ and not doc[tok.i - 2].whitespace_)


class SpeakerResolver:
    """Canonical names over one document, in reading order."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.gaz = get_gazetteer()
        self.av = actors()
        # full person names by each of their name parts (surname first)
        self.persons: dict[str, str] = {}
        self.name_parts: dict[str, str] = {}   # full names by their first part (family-name-first names)
        self.roles: dict[str, str] = {}
        self.ents = list(doc.ents)
        self.ent_starts = [e.start for e in self.ents]
        for ent in self.ents:
            if ent.label_ == "PERSON":
                self._add_person(ent)
        av = self.av
        self._non_person_words = av.government | av.group | av.organisation | set(speech().nouns)
        # names the model missed: subjects made of two or more capitalised proper nouns
        for tok in doc:
            if tok.dep_ in {"nsubj", "nsubjpass"} and tok.pos_ == "PROPN" and not tok.ent_type_ in {"GPE", "ORG", "LOC", "FAC"}:
                tail = name_tail(noun_phrase(tok, with_conj=False))
                if tail is not None and len([t for t in tail if t.is_alpha]) >= 2 and not words_of(tail) & self._non_person_words:
                    self._add_person(tail)
        self.history: list[tuple[int, Speaker]] = []   # (token index, speaker) of earlier quotes
        self.gender: dict[str, str] = {}                 # person name -> "m" / "f", from titles and pronouns
        self._home: tuple | None = None                  # see _home_country()

    def ents_in(self, start: int, end: int) -> list[Span]:
        """Entities wholly inside tokens [start, end), by bisection (Span.ents scans the whole doc)."""
        k = bisect_left(self.ent_starts, start)
        out = []
        while k < len(self.ents) and self.ents[k].start < end:
            if self.ents[k].end <= end:
                out.append(self.ents[k])
            k += 1
        return out

    def _strip(self, tokens: list[Token]) -> list[Token]:
        # drop everything up to an inner possessive ("Valdoria's Mr Orlov") and leading titles
        for k in range(len(tokens) - 1, -1, -1):
            if tokens[k].text in {"'s", "’s"} and k < len(tokens) - 1:
                tokens = tokens[k + 1:]
                break
        while tokens and (tokens[0].lower_ in TITLES or tokens[0].lower_ in {"the", "a", "an"}):
            tokens = tokens[1:]
        return [t for t in tokens if not t.is_punct or t.text in {"-", "'"}]

    def _add_person(self, ent: Span) -> None:
        if any(t.text in {"-", "–", "—"} and t.whitespace_ and t.i > ent.start and ent.doc[t.i - 1].whitespace_ for t in ent):
            return   # "Nordland Republic - Nordland": a dateline run into the first words, not a name
        toks = self._strip(list(ent))
        if not toks or not all(_name_word(t) for t in toks if t.is_alpha):
            return
        name = self.doc[toks[0].i:toks[-1].i + 1].text
        if len(toks) >= 2:
            last = surname_key(toks)
            cur = self.persons.get(last)
            if cur is None or len(name) > len(cur):
                self.persons[last] = name
            self.persons.setdefault(name.lower(), name)
            self.name_parts.setdefault(toks[0].lower_, name)   # "Mr. Pak" for "Pak Ji-hoon"

    def full_person_name(self, span: Span) -> str | None:
        toks = self._strip(list(span))
        if not toks:
            return None
        text = self.doc[toks[0].i:toks[-1].i + 1].text
        found = self.persons.get(text.lower()) or self.persons.get(surname_key(toks)) or self.persons.get(toks[-1].text.lower())
        if found is None and len(toks) == 1:
            found = self.name_parts.get(toks[0].lower_)   # "Mr. Pak" after "Pak Ji-hoon"
        return found

    def _previous(self, at: int, want_person: bool | None) -> Speaker | None:
        for idx, sp in reversed(self.history[-200:]):
            if idx >= at:
                continue
            if want_person is None or (sp.type == "person") == want_person:
                return sp
        return None

    def _nearest_person(self, tok: Token, gender: str) -> Speaker | None:
        """The nearest earlier person, a quoted speaker or a named subject, whose gender fits."""
        best: tuple[int, Speaker] | None = None
        for idx, sp in reversed(self.history[-200:]):
            if idx < tok.i and sp.type == "person" and self.gender.get(sp.name, gender) == gender:
                best = (idx, sp)
                break
        for t in reversed(self.doc[max(0, tok.i - LOOKBACK_TOKENS):tok.i]):
            if best is not None and t.i <= best[0]:
                break
            if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ in {"PROPN", "NOUN"} or _lost_subject(t):
                if t.dep_ == "nsubjpass" and best is not None:
                    continue   # "Dana Ruhl was shot ... He said:": the victim, not the next speaker
                if best is not None and _reported(t):
                    continue   # "Ana Sol told VOA the raid came after Ivo Renk took office. He said ...": Sol
                phrase = noun_phrase(t, with_conj=False)
                if t.pos_ == "PROPN" and t.ent_type_ not in {"PERSON", ""} and not any(x.lower_ in TITLES for x in phrase) \
                        and not any(c.dep_ == "appos" and not _bracketed(c) for c in t.children):
                    continue   # "The Harbour Estate is ...", "Arvel (North Velmora)": a body or a place
                run_end = t.i + 1
                while run_end < len(self.doc) and self.doc[run_end].pos_ == "PROPN" and self.doc[run_end].is_title \
                        and not self.doc[run_end].ent_type_ in {"GPE", "LOC", "ORG", "FAC", "NORP"}:
                    run_end += 1
                head = t
                if t.pos_ == "PROPN" and run_end > phrase.end and phrase.end == t.i + 1:
                    phrase = self.doc[phrase.start:run_end]   # "Rosa Kamau also left ...", parsed as two parts
                    head = phrase[-1]
                sp = self.make(phrase, head)
                if sp.type != "person" and t.pos_ == "NOUN":
                    # "Velmoran defence minister and spokesman Ivo Renk has confirmed ...": the name
                    # is parsed as a conjunct of the title
                    named = next((c for c in t.conjuncts if c.ent_type_ == "PERSON" and c.i < t.head.i), None)
                    sp = self.make(noun_phrase(named, with_conj=False), named) if named is not None else sp
                self._learn_gender(sp, t)
                if sp.type == "person" and self.gender.get(sp.name, gender) == gender:
                    best = (t.i, sp)
                    break
        return best[1] if best else None

    def _nearest_body(self, tok: Token) -> Speaker | None:
        """The nearest earlier non-person antecedent: a quoted body, or a body that was the subject
        of an earlier clause ("The city council opened shelters. It said ...")."""
        # "The army led reporters to a tunnel where it said ...": the subject of an enclosing clause
        for verb in [a for a in tok.head.ancestors if a.pos_ in {"VERB", "AUX"}][:2]:
            subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < tok.i and c.pos_ in {"NOUN", "PROPN"}), None)
            if subj is not None and (self._body_word(subj) or subj.ent_type_ in {"ORG", "GPE", "NORP"}):
                sp = self.make(noun_phrase(subj, with_conj=False), subj)
                if sp.type in {"organisation", "government", "group"}:
                    return sp
        # (a speaker inside a relative clause is no antecedent: "The front, which Kessel accuses of
        # ..., said ... It also said": the front)
        hist = next(((idx, sp) for idx, sp in reversed(self.history[-200:]) if idx < tok.i and sp.type != "person"
                     and self.doc[idx].head.dep_ != "relcl"), None)
        sent_start = sent_range(self.doc, tok.i)[0]
        for t in reversed(self.doc[max(0, tok.i - LOOKBACK_TOKENS):sent_start]):
            if hist is not None and t.i <= hist[0]:
                break
            if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ in {"PROPN", "NOUN"} and t.head.dep_ != "relcl" \
                    and not (hist is not None and _reported(t)):
                # (not "Kessel" in "The front, which Kessel accuses of ..., said"; not "its units" in
                # "The front said its units had taken the port. It also said ...")
                phrase = noun_phrase(t, with_conj=False)
                if t.lower_ in {"people", "residents", "villagers", "refugees", "survivors", "witnesses"}:
                    if tok.lower_ in {"they", "them"} and t.head.dep_ == "ROOT" and \
                            any(c.dep_ in {"nummod", "amod", "compound"} for c in t.children):
                        # "Forty displaced farmers met ... They say ...": that group of people
                        return Speaker(phrase.text, phrase.text, None, "group", None, phrase.start_char, phrase.end_char)
                    continue
                if t.pos_ == "NOUN" and t.tag_ != "NNS" and not self._body_word(t):
                    continue   # "The rebels' use of bombs is ...": neither a body nor a group of people
                sp = self.make(phrase, t)
                if sp.type in {"organisation", "government", "group"}:
                    return sp
        return hist[1] if hist else self._previous_subject(tok, False)

    def _body_word(self, tok: Token) -> bool:
        noun = tok.lemma_.lower()
        return noun in self.av.government or noun in self.av.group or noun in self.av.organisation

    def _previous_subject(self, tok: Token, want_person: bool) -> Speaker | None:
        """Fallback antecedent: the nearest earlier named subject of the fitting kind."""
        if want_person:
            for t in reversed(self.doc[max(0, tok.i - LOOKBACK_TOKENS):tok.i]):
                if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ == "PROPN":
                    sp = self.make(noun_phrase(t, with_conj=False), t)
                    if sp.type == "person":
                        return sp
        for ent in reversed(self.ents_in(max(0, tok.i - LOOKBACK_TOKENS), tok.i)):
            if want_person and ent.label_ == "PERSON":
                return self.make(noun_phrase(ent.root), ent.root)
            if not want_person and ent.label_ in {"ORG", "GPE", "NORP"} and ent.root.dep_ in {"nsubj", "nsubjpass"}:
                return self.make(noun_phrase(ent.root), ent.root)
        return None

    def make(self, span: Span, head: Token) -> Speaker:
        """A Speaker for the phrase ``span`` (headed by ``head``), resolved against the document."""
        doc = self.doc
        mention = span.text
        low = head.lower_
        if len(span) == 1 and low in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[low]
            # (only a speaker the parse could not type may stand in: "he" is never a body)
            prev = self._nearest_person(head, gender) or self._previous(head.i, None)
            if prev and prev.type not in {"government", "group", "organisation"}:
                if prev.type == "person":
                    self.gender.setdefault(prev.name, gender)
                return Speaker(prev.name, mention, prev.role, prev.type, prev.represents, span.start_char, span.end_char)
        if len(span) == 1 and low in GROUP_PRONOUNS:
            if low in RELATIVE and head.head.dep_ == "relcl":
                # "Valdoria, which says ...": the relative pronoun stands for the noun it follows
                return self.make(noun_phrase(head.head.head), head.head.head)
            prev = self._nearest_body(head)
            if low in {"they", "them"} and prev is None:
                prev = self._previous(head.i, None)
            if prev:
                return Speaker(prev.name, mention, prev.role, prev.type, prev.represents, span.start_char, span.end_char)
            return Speaker(mention, mention, None, "unknown", None, span.start_char, span.end_char)
        # a statement/report noun stands for its author: "A ministry statement said" -> "ministry"
        toks = list(span)
        while len(toks) > 1 and toks[-1].text in {"'s", "’s", "'", "’"}:
            toks = toks[:-1]   # "the government's assurances": the government
        for k, t in enumerate(toks[:-1]):
            if t.text in {"-", "–", "—"} and k > 0 and (toks[k - 1].text == ")" or (t.whitespace_ and toks[k - 1].whitespace_)):
                toks = toks[k + 1:]   # "CITY, March 4 (Reuters) - Mali's army", "PORT ELLIS, Nordland - Nordland troops"
                break
        if len(toks) < len(span):
            span = doc[toks[0].i:span.end] if toks else span
            mention = span.text
        if len(toks) > 3 and toks[0].lower_ in {"one", "some", "many", "most", "several", "two", "three"} and toks[1].lower_ == "of":
            if head.i == toks[0].i:   # the quantifier heads the phrase: "the officials" speak
                head = next((g for g in toks[1].children if g.dep_ == "pobj"), head)
            toks = toks[2:]           # "one of the officials" -> "the officials"
        if _statement_noun(head):
            author = prep_object(head)
            if author is not None:   # "a statement from the agency said": the agency
                sp = self.make(noun_phrase(author, with_conj=False), author)
                sp.mention, sp.start, sp.end = mention, span.start_char, span.end_char
                return sp
        if toks and _statement_noun(toks[-1]) and len(toks) > 1 and toks[-2].pos_ != "ADJ":
            toks = toks[:-1]       # "a ministry statement" -> "ministry"; "a UN spokesperson", "Official reports" stay
        definite = bool(toks) and toks[0].lower_ in {"the", "this"}
        while toks and toks[0].lower_ in {"the", "a", "an", "this"}:
            toks = toks[1:]
        if not toks:
            toks = list(span)
        core = doc[toks[0].i:toks[-1].i + 1]
        # "Officials said" after "Norland officials said": the same officials, named in full
        if len(core) == 1 and head.tag_ == "NNS" and not definite:
            where = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in {"in", "from", "at", "of", "with"} and any(
                g.dep_ == "pobj" and (g.ent_type_ in {"GPE", "LOC", "ORG"} or self._body_word(g)) for g in c.children)), None)
            if where is not None:
                # "Officials in eastern Arvelia say ...", "Officials from the Red Cross say ...":
                # the place or body says which officials
                named = doc[core.start:where.right_edge.i + 1]
                return Speaker(named.text, mention, None, self._body_type(toks, []), None, span.start_char, span.end_char)
            fuller = next((sp for idx, sp in reversed(self.history[-200:]) if idx < head.i
                           and len(sp.name.split()) > 1 and (sp.name.lower().split()[-1] == head.lower_
                                                             or sp.name.lower().split()[0] == head.lower_)), None)
            if fuller is not None:
                return Speaker(fuller.name, mention, fuller.role, fuller.type, fuller.represents,
                               span.start_char, span.end_char)
            home = (self._recent_nationality(head.i) or self._home_country()) if head.lower_ == "officials" else None
            if home is not None:
                # a bare "Officials say" in an article about one country: that country's officials
                return Speaker(f"{home[0]} officials", mention, None, "government", home[1],
                               span.start_char, span.end_char)
        # "The Red Cross chief vowed ..." after "the Red Cross chief, Pak Ji-hoon, visited ..."
        if definite and head.pos_ == "NOUN" and len(core) <= 4:
            named = self._apposed_person(head)
            if named is not None:
                return Speaker(named.name, mention, named.role or core.text, "person", None, span.start_char, span.end_char)
        # "the group said": a definite description refers back to the body named before
        if definite and all(t.pos_ != "PROPN" for t in core) and len(core) <= 3:
            earlier = self._antecedent(core, head)
            if earlier is not None:
                return Speaker(earlier.name, mention, earlier.role, earlier.type, earlier.represents,
                               span.start_char, span.end_char)
        # "its director, Jane Doe, said": the apposed name is the speaker, the noun her role
        if not any(e.label_ == "PERSON" for e in self.ents_in(core.start, core.end)):
            app = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"
                        and (head.pos_ == "NOUN" or c.ent_type_ == "PERSON" or any(g.lower_ in TITLES for g in c.lefts))), None)
            if app is None and head.pos_ == "NOUN":
                # "the senior official in Arvel province, Chief Minister, Ivo Renk, says": the parser
                # hangs the name on a noun further down the subject
                app = next((t for t in head.subtree if t.dep_ == "appos" and t.ent_type_ == "PERSON"
                            and t.i > head.i and _located_apposition(t, head)), None)
            if app is not None:
                named = noun_phrase(app, with_conj=False)
                sp = self.make(named, app)
                sp.mention, sp.role = mention, sp.role or core.text
                sp.start, sp.end = span.start_char, span.end_char
                return sp
        ents = self.ents_in(span.start, span.end)   # (with "the": "the Harbour Front" is one ORG)
        person = next((e for e in ents if e.label_ == "PERSON"), None)
        body_head = (head.pos_ == "NOUN" or head.is_lower) and head.lower_ in self._non_person_words and \
            (person is None or not person.start <= head.i < person.end)
        if body_head:
            person = None    # "the Halvorsen administration", "the Lindqvist government": the body speaks
        role = role_of(head)
        # a name followed by "of Country": the name ends at the head noun
        tail = name_tail(doc[core.start:head.i + 1] if head.pos_ == "PROPN" and core.start <= head.i < core.end else core)
        # a title before a capitalised name ("Mr Orlov", "General Okoro"), not a title-like
        # word inside a body's name ("Dunmoor General Hospital")
        titled = any(t.lower_ in TITLES and t.ent_type_ not in {"ORG", "FAC"} and k + 1 < len(toks)
                     and toks[k + 1].text[:1].isupper() for k, t in enumerate(toks[:3]))
        if not body_head and (person is not None or titled or (
                tail is not None and len(tail) >= 2 and not words_of(core) & self._non_person_words and all(
                    tail.start <= e.start and e.end <= tail.end and len(e) < len(tail) for e in ents))):
            # (an entity inside the name, "Ilse [Varnhagen]" tagged as a body, does not make it one)
            tail = tail if tail is not None else (person if person is not None else core)
            if person is not None and tail.start < person.start and person.end == tail.end and \
                    any(t.lower_ == "of" for t in doc[core.start:tail.start]):
                tail = person   # "Chief of Department Maren Osk": the title's last word is no name
            full = self.full_person_name(tail)
            name = full or tail.text
            if not role and tail.start > core.start:
                pre = doc[core.start:tail.start].text.strip(" ,")
                if pre and not all(t.lower_ in TITLES for t in doc[core.start:tail.start]):
                    role = pre
            if role:
                self.roles.setdefault(name, role)
            title = next((t.lower_.rstrip(".") for t in toks[:2] if t.lower_.rstrip(".") in GENDERED_TITLES), None)
            if title:
                self.gender.setdefault(name, GENDERED_TITLES[title])
            return Speaker(name, mention, role or self.roles.get(name), "person", None, span.start_char, span.end_char)
        text_key = fold(core.text)
        if len(core) == 1 and head.pos_ == "PROPN" and text_key not in self.gaz.capitals and self.gaz.country(core.text) is None:
            full = self.full_person_name(core)
            if full is not None:   # "Renk said" after "Ivo Renk, a trader, ...": the model called the surname a place
                return Speaker(full, mention, role or self.roles.get(full), "person", None, span.start_char, span.end_char)
        iso = None
        if len(core) <= 3:
            iso = self.gaz.capitals.get(text_key) or self.av.seats.get(core.text.lower()) or self.av.seats.get(text_key)
            if iso:
                country = self.gaz.countries.get(iso)
                # "Valmont said": the name as written, the government it stands for in `represents`
                return Speaker(core.text, mention, role, "government",
                               country.name if country else iso, span.start_char, span.end_char)
            demonym = self.av.demonyms.get(core.text.lower()) if len(core) == 1 and head.dep_ == "amod" else None
            if demonym and self.gaz.countries.get(demonym):   # "Norwegian claims that ...": Norway's
                name = self.gaz.countries[demonym].name
                return Speaker(name, mention, role, "government", name, span.start_char, span.end_char)
            c = self.gaz.country(core.text)
            if c is not None:
                return Speaker(core.text, mention, role, "government", c.name, span.start_char, span.end_char)
        gender = self.av.gendered.get(head.lower_) if head.tag_ == "NN" else None
        if gender:
            self.gender.setdefault(core.text, gender)   # "the mother of two small boys": a woman
        kind = "person" if head.tag_ == "NN" and (head.lower_ in self.av.person_roles or gender) else self._body_type(toks, ents)
        return Speaker(core.text, mention, role, kind, None, span.start_char, span.end_char)

    def _recent_nationality(self, before: int) -> tuple[str, str | None] | None:
        """(demonym, country name) of the speaker just before, when it is a body named by
        nationality ("Thai border police say ... Officials say ..."): bare officials right after it
        are of that country too."""
        last = next((sp for i, sp in reversed(self.history) if i < before), None)
        if last is None or last.type == "person":
            return None
        words = last.name.split()
        for n in (2, 1):
            iso = self.av.demonym_forms.get(" ".join(words[:n])) if len(words) > n else None
            if iso:
                country = self.gaz.countries.get(iso)
                return " ".join(words[:n]), country.name if country is not None else None
        return None

    def _home_country(self) -> tuple[str, str] | None:
        """(demonym, country name) of the country the article's places point at most, if one
        clearly leads (two mentions or more, more than any other); the demonym as the article
        writes it when it uses one ("Nepalese" rather than "Nepali")."""
        if self._home is None:
            counts: Counter = Counter()
            for place in self.doc._.places or []:
                if place.country:
                    counts[place.country] += max(1, len(place.mentions))
            ranked = counts.most_common(2)
            self._home = ()
            if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                iso = ranked[0][0]
                country = self.gaz.countries.get(iso)
                forms = [k for k, v in self.av.demonym_forms.items() if v == iso]
                used = {e.text.lower() for e in self.ents if e.label_ == "NORP"}
                form = next((f for f in forms if f.lower() in used), forms[0] if forms else None)
                if country is not None and form is not None:
                    self._home = (form, country.name)
        return self._home or None

    def _body_type(self, toks: list[Token], ents: list[Span]) -> str:
        words = {t.lower_ for t in toks}
        if words & self.av.government:
            return "government"
        if words & self.av.group:
            return "group"
        if words & self.av.organisation or any(e.label_ == "ORG" for e in ents):
            return "organisation"
        if any(e.label_ == "GPE" for e in ents):
            return "government"
        return "unknown"

    def _apposed_person(self, head: Token) -> Speaker | None:
        """The person an earlier apposition gave this title: "the army chief, Ivo Renk," or
        "Ivo Renk, the army chief," for a later "the chief"."""
        lemma = head.lemma_.lower()
        for ent in reversed(self.ents_in(max(0, head.i - LOOKBACK_TOKENS), head.i)):
            if ent.label_ != "PERSON":
                continue
            root = ent.root
            title = root.head if root.dep_ == "appos" else next((c for c in root.children if c.dep_ == "appos"), None)
            if title is not None and title.lemma_.lower() == lemma and _same_title(title, head):
                return self.make(ent, root)
        return None

    def _antecedent(self, core: Span, head: Token) -> Speaker | None:
        """The earlier speaker or body a definite description ("the ministry") points to, in order:
        a speaker whose name ends in that noun or whose role has it ("the spokesman"); a named
        body containing the noun ("the coalition" -> "Relief Coalition"); for group and
        organisation nouns, the last non-person speaker, else the last named body."""
        noun = head.lemma_.lower()
        earlier = [sp for idx, sp in reversed(self.history[-200:]) if idx < head.i]
        for sp in earlier:
            words = sp.name.lower().split()
            if words and len(words) > 1 and (words[-1] == head.lower_ or (
                    head.tag_ == "NNS" and words[-1].rstrip("s") == noun)):
                return sp   # "the brigade" -> "Harlan Brigade"; never "the group" -> "Aid groups"
            if sp.type == "person" and sp.role and noun in sp.role.lower().split() and \
                    noun not in self.av.government | self.av.group | self.av.organisation:
                return sp   # "the spokesman said" after "Brigade spokesman Jan Novak said"
        orgs = [e for e in self.ents_in(max(0, head.i - LOOKBACK_TOKENS), head.i) if e.label_ == "ORG" and len(e) > 1]
        named = [e for e in orgs if any(t.lemma_.lower() == noun for t in e)]
        if named:
            return self.make(named[-1], named[-1].root)
        if noun not in self.av.group and noun not in self.av.organisation or head.tag_ == "NNS":
            return None   # "the rebels", "the protesters": a class of people, not the last body named
        # a state body and a group or organisation never stand for each other: "the rebel group"
        # is not the army that spoke last
        words = {t.lower_ for t in core}
        state = bool(words & self.av.government)
        rebel = bool((words - {head.lower_}) & self.av.group)

        # "the district council" after "Norland's defence ministry" spoke: a new body, its own words
        # ("district") must be in the earlier name; a bare "the council" may point back to any body
        own = {t.lower_ for t in core if t.i != head.i and t.is_alpha} - self.av.government - self.av.group - self.av.organisation

        def fits(sp: Speaker) -> bool:
            return sp.type != "person" and not (state and sp.type != "government") and not (rebel and sp.type == "government") \
                and all(w in sp.name.lower() for w in own)
        body = next((sp for sp in earlier if fits(sp)), None)
        if body is not None:
            return body
        for org in reversed(orgs):
            sp = self.make(org, org.root)
            if fits(sp):
                return sp
        return None

    def _learn_gender(self, sp: Speaker, subj: Token) -> None:
        """ "a commander told his fighters ...": a man, from the subject's own possessive."""
        if sp.type == "person" and sp.name not in self.gender and subj.dep_ == "nsubj":
            own = _own_gender(subj)
            if own:
                self.gender[sp.name] = own

    def remember(self, at: int, sp: Speaker) -> None:
        self._learn_gender(sp, self.doc[at])
        k = bisect_right([h[0] for h in self.history[-50:]], at) + max(0, len(self.history) - 50)
        self.history.insert(k, (at, sp))
