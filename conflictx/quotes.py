"""Who said what: direct quotes (quote marks), indirect speech (over the dependency parse) and
mixed quotes (indirect speech holding a quoted fragment), each with a resolved speaker."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .result import Quote
from .sentences import sent_range
from .speakers import RELATIVE, SpeakerResolver, noun_phrase, prep_object
from .vocab import actors, casualties, speech

# Surface forms of quotations (linear-time: negated character classes, no nesting, no backtracking).
# a curly opening closes at ”, at a straight " before a space or punctuation (mixed marks are
# common in scraped news: “We are ready," he said), or at the end of the line
# a quotation closes with ”, with a straight mark, at the end of its line, or (paragraphs run
# together) where the next one opens after a full stop: '“... she was with. “At least three ...”'
CURLY = re.compile(r'“([^“”\n]*?)(?:”|"(?=[\s,.;:!?)]|$)|(?<=[.!?])(?=\s+“)|(?=\n|$))')
STRAIGHT = re.compile(r'"([^"“”\n]*)["”]')   # a straight opening may close with a curly mark
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
INHERIT_DEPS = {"conj", "advcl", "xcomp", "pcomp"}
MIN_DIRECT_WORDS = 4
QUOTE_MARKS = {'"', "“", "”"}
MIXED_GAP_WORDS = 6   # words between a speech verb and a quotation that make one mixed quote
CLOSING_PUNCT = " .,!?;:\"”’'"
CUE_REACH = 40   # tokens either side of a quotation searched for its cue
# "CITY, Oct 17 (Reuters) - ", "Arvel (North Velmora) (Agency) - ": at most two bracketed parts, each bounded
DATELINE = re.compile(r"^[^\n()]{0,60}(?:\([^()\n]{1,30}\)\s*){1,2}[-–—]\s*")


@dataclass
class QuoteSpan:
    start: int            # content offsets (inside the marks)
    end: int
    open_start: int       # offsets including the marks
    close_end: int
    used: bool = False


@dataclass
class Candidate:
    start: int
    end: int
    verb: Token
    subject: Token | None


def direct_spans(text: str) -> list[QuoteSpan]:
    """Quotations in curly or straight marks, sorted and disjoint (curly ones win an overlap)."""
    spans: list[QuoteSpan] = []
    masked = text
    for rx in (CURLY, STRAIGHT):
        for m in rx.finditer(masked):
            s, e = m.start(1), m.end(1)
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append(QuoteSpan(s, e, m.start(), m.end()))
        if rx is CURLY and spans:
            # a straight mark that closed a curly quotation opens nothing: '“..." he said. "..."'
            parts, at = [], 0
            for q in spans:
                parts += [text[at:q.open_start], " " * (q.close_end - q.open_start)]
                at = q.close_end
            masked = "".join(parts) + text[at:]
    spans.sort(key=lambda q: q.open_start)
    disjoint: list[QuoteSpan] = []
    for q in spans:
        if disjoint and q.open_start < disjoint[-1].close_end:
            continue
        disjoint.append(q)
    return disjoint


class QuoteIndex:
    """Position look-ups over disjoint, sorted quotations in O(log n)."""

    def __init__(self, spans: list[QuoteSpan]):
        self.spans = spans
        self.starts = [q.open_start for q in spans]

    def covering(self, pos: int) -> int | None:
        k = bisect_right(self.starts, pos) - 1
        return k if k >= 0 and pos < self.spans[k].close_end else None

    def overlapping(self, start: int, end: int) -> list[int]:
        k = max(0, bisect_right(self.starts, start) - 1)
        out = []
        while k < len(self.spans) and self.spans[k].open_start < end:
            if self.spans[k].close_end > start:
                out.append(k)
            k += 1
        return out


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _quoted_as_saying(verb: Token) -> Token | None:
    """ "Reports quoted Defence Minister Ivo Renk as saying ...": the person quoted speaks, however
    the parser hangs the words together."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.i < 3 or doc[verb.i - 1].lower_ != "as":
        return None
    named = doc[verb.i - 2]
    for t in reversed(doc[max(0, verb.i - 12):verb.i - 1]):
        if t.lemma_.lower() == "quote" and (t.lower_ != "quotes" or t.pos_ == "VERB"):
            quoted = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
            if quoted is not None:
                return quoted   # "X was quoted Friday as saying ...": X, not Friday
            if named.pos_ not in {"PROPN", "NOUN"} or named.lower_ in {"reports", "media"} or named.ent_type_ in {"DATE", "TIME"}:
                return None
            return named
        if t.is_punct or t.pos_ in {"VERB", "AUX"}:
            break
    return None


def _closes_sentence(verb: Token) -> bool:
    """A speech verb that ends its sentence: "..., witnesses said." """
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return nxt is None or nxt.text in {".", "!", "?"} or nxt.is_space


def _back_to(doc: Doc, anchor: int, stop, reach: int) -> int:
    """Index of the nearest token before ``anchor`` that ``stop`` accepts, looking back at most
    ``reach`` tokens (else the index where the search gave up): where a run of words before
    ``anchor`` begins ("..., aid workers said", "“...,” fighter Ivo Renk, told")."""
    k = anchor - 1
    while k > 0 and not stop(doc[k]) and anchor - k <= reach:
        k -= 1
    return k


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a speech verb; participles and conjuncts inherit their head's subject."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects and verb.dep_ == "acl" and (verb.tag_ in {"VBD", "VBZ", "VBP"} or (
            verb.tag_ == "VBN" and verb.i > 0 and verb.doc[verb.i - 1].text == ","
            and any(c.dep_ == "dobj" for c in verb.children))):   # (", Jane Doe, accused “gangs” of ...": active)
        # "The committee's spokesman, Jane Doe, accused ...": a verbless root noun is the subject
        root = verb
        while root.head.i != root.i:
            root = root.head
        if root.pos_ in {"NOUN", "PROPN"}:
            return root
    if verb.dep_ == "ROOT" and verb.i > 0 and (not subjects or _closes_sentence(verb)):
        # "..., aid workers and residents say." where the parser lost the subject, or took it from
        # the report ("..., trapping nine families, including four infants, neighbours and firemen said.")
        k = _back_to(verb.doc, verb.i, lambda t: t.is_punct, 10)
        between = verb.doc[k + 1:verb.i]
        nouns = [t for t in between if t.pos_ in {"NOUN", "PROPN"}]
        if nouns and verb.doc[k].text == "," and (not subjects or (
                all(s.i < k for s in subjects) and not any(t.pos_ in {"VERB", "AUX", "NUM"} for t in between))):
            return nouns[-1] if not subjects else nouns[0]
        if not subjects and not between and verb.doc[k].text == ",":
            # '“...,” 26-year-old fighter Ivo Renk, told the radio.': a stray comma between the
            # speaker, named right after the quotation, and the verb
            j = _back_to(verb.doc, k, lambda t: t.text in QUOTE_MARKS | {",", ".", ";", ":"}, 14)
            named = [t for t in verb.doc[j + 1:k] if t.pos_ in {"NOUN", "PROPN"}]
            if named and verb.doc[j].text in QUOTE_MARKS and named[-1].pos_ == "PROPN":
                return named[-1]
    if not subjects and verb.dep_ == "conj" and verb.lemma_.lower() in speech().all_verbs:
        # "X says A is stable and called on B ...": the parser hangs the second speech verb inside
        # the reported clause; its subject is the reporter's
        t = verb
        while t.dep_ == "conj" and t.head.i != t.i and not (
                t.i != verb.i and t.lemma_.lower() in speech().all_verbs and any(c.dep_ in SUBJECT_DEPS for c in t.children)):
            t = t.head   # (stops at a speech verb with a subject: "A denied ..., but B acknowledged ... and said")
        own = next((c for c in t.children if c.dep_ in SUBJECT_DEPS), None)
        if own is not None and t.lemma_.lower() in speech().all_verbs:
            return own   # "X reports the minister condemned the raid and accused Y of ...": the minister
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in speech().say and depth < 3:
            return subject_of(t.head, depth + 1)
    if not subjects and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN"} \
            and verb.head.i < verb.i and verb.head.lower_ not in speech().nouns and _speaker_like(verb.head):
        return verb.head   # "with villagers reporting the raiders were ...", "residents saying ..."
    if not subjects and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lower_ in speech().nouns \
            and verb.head.dep_ in {"dobj", "pobj"} and depth < 3:
        # "issued a statement saying ...": the issuer speaks
        holder = verb.head.head if verb.head.dep_ == "dobj" else verb.head.head.head
        return subject_of(holder, depth + 1)
    if not subjects and verb.dep_ == "dep" and verb.head.pos_ == "VERB" and verb.head.i < verb.i and depth < 3:
        # "X and the others crowded around her say ...": the parser hangs "say" on the participle
        # it took for the main verb; the subject is that verb's
        own = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}), None)
        if own is not None:
            return own
    if subjects:
        # two subjects: one right after a verb is that verb's object ("A resident who tried to help
        # the refugees said ...": not the refugees)
        if len(subjects) > 1:
            subjects = [c for c in subjects if c.left_edge.i == 0 or verb.doc[c.left_edge.i - 1].pos_ != "VERB"] or subjects
        # the subject nearest the verb ("BAMAKO, March 4 (Reuters) - Mali's army said")
        subj = min(subjects, key=lambda c: abs(c.i - verb.i))
        if subj.dep_ == "csubj":
            # "The civilians moving through the junction said": the parser makes "moving" the subject
            own = next((c for c in subj.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}), None)
            if own is None and subj.tag_ == "VBG" and subj.i < verb.i:
                # "Speaking to ... from a hideout, spokeswoman Ivo Renk denied ...": the words between
                # the participle's comma and the verb
                comma = next((t.i for t in reversed(verb.doc[subj.i:verb.i]) if t.text == ","), None)
                names = [t for t in verb.doc[comma + 1:verb.i] if t.pos_ in {"NOUN", "PROPN"}] if comma is not None else []
                own = names[-1] if names and verb.i - comma <= 8 else None
            subj = own if own is not None else subj
        return subj
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return quoted
    if depth < 3 and verb.dep_ in INHERIT_DEPS and verb.head.i != verb.i:
        if verb.dep_ == "xcomp" or verb.tag_ in {"VBG", "VBN"} or verb.dep_ == "conj":
            head = verb.head
            while head.pos_ == "ADP" and head.head.i != head.i:   # "quoted as saying"
                head = head.head
            first = head
            while first.dep_ == "conj" and first.head.i < first.i and verb.tag_ == "VBG":
                first = first.head   # "X said Y began ... and moved ..., adding ...": through the conjuncts
            if first is not head and first.dep_ == "ccomp" and first.head.lemma_.lower() in speech().say \
                    and verb.doc[verb.i - 1].text == ",":
                head = first
            if verb.tag_ == "VBG" and head.dep_ == "ccomp" and (
                    head.head.lemma_.lower() in speech().say or verb.doc[verb.i - 1].text == ","):
                # "X said Y would happen, adding ...", "X dismissed reports that Y was lost,
                # saying ...": X adds, not Y
                head = head.head
            return subject_of(head, depth + 1)
    return None


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character span of tokens [start, end) without edge punctuation, 'that', a closing 'and' and
    unmatched marks."""
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ == "that"
                           and doc[start].dep_ == "mark") and doc[start].text not in "“\"[":
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].pos_ == "CCONJ") \
            and doc[end - 1].text not in "”\"]":
        end -= 1   # (and a dangling "and": "denies responsibility for the raid and [his men ...]")
    if start >= end:
        return -1, -1
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    text = doc[start:end].text
    # drop an opening mark whose partner lies outside, and vice versa
    if text.count("“") > text.count("”") and text.startswith("“"):
        s += 1
    if text.count("”") > text.count("“") and text.endswith("”"):
        e -= 1
    return s, e


def _clause_end(tok: Token) -> int:
    """End token index of a clause subtree, stopping before a trailing ', something X denied',
    a participle of speech (', telling reporters ...') or a coordinated speech verb ('and called on')."""
    vocab = speech()
    end = tok.right_edge.i + 1
    for t in tok.subtree:
        # a coordinated speech verb deeper in the clause ("... is stable, called on ...")
        # (not a bare infinitive: "forced them to capitulate and agree to ..." is one clause)
        if t.i > tok.i and (t.dep_ == "conj" or t.dep_ == "advcl" and t.tag_ == "VBG" and t.lemma_.lower() in vocab.say) \
                and t.lemma_.lower() in vocab.all_verbs and t.pos_ == "VERB" and t.tag_ != "VB" and \
                not any(c.dep_ in SUBJECT_DEPS for c in t.children) and tok.doc[t.left_edge.i - 1].dep_ in {"cc", "punct"}:
            # (or a reporting participle deeper down: "... and moved toward the barracks, adding ...")
            cut = t.left_edge.i
            while cut > tok.i and tok.doc[cut - 1].dep_ in {"cc", "punct"}:
                cut -= 1
            end = min(end, cut)
    for child in tok.rights:
        if child.dep_ in {"npadvmod", "parataxis"} and child.i > tok.i:
            prev = tok.doc[child.left_edge.i - 1]
            if prev.text in {",", "–", "—", "-"}:
                end = min(end, child.left_edge.i)
        elif child.dep_ in {"advcl", "conj"} and child.lemma_.lower() in vocab.all_verbs and \
                (child.tag_ == "VBG" or child.dep_ == "conj") and not any(c.dep_ in SUBJECT_DEPS for c in child.children):
            cut = child.left_edge.i
            while cut > tok.i and tok.doc[cut - 1].dep_ in {"cc", "punct"}:
                cut -= 1
            end = min(end, cut)
    return end


BLOCK_QUOTE_CHARS = 1200   # the longest paragraph taken as a block quotation after "X says:"


def _block_quotes(doc: Doc, index: QuoteIndex) -> Iterator[tuple[int, int, Token, Token]]:
    """ "From Kessel, Ivo Renk wonders:" and then a paragraph of her words without quotation
    marks (a blockquote or a post, its marks lost in the page's text): (start, end, subject, verb)."""
    text = doc.text
    vocab = speech()
    for sent in doc.sents:
        last = next((t for t in reversed(sent) if not t.is_space), None)
        if last is None or last.text != ":" or "\n" not in text[last.idx + 1:last.idx + 4]:
            continue
        verb = sent.root
        if verb.lemma_.lower() not in vocab.colon_intro or verb.pos_ not in {"VERB", "AUX"} or \
                any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children):
            continue   # "X tweets:" / "She observes:", not "X said the following:" or "X said that ...:"
        subj = subject_of(verb)
        if subj is None or not _speaker_like(subj):
            continue
        start = last.idx + 1
        while start < len(text) and text[start].isspace():
            start += 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        block = text[start:end].rstrip()
        if not block or len(block) > BLOCK_QUOTE_CHARS or block[0] in QUOTE_MARKS or block.endswith(":") \
                or index.overlapping(start, start + len(block)):
            continue
        yield start, start + len(block), subj, verb


def _inverted_attribution(verb: Token) -> Candidate | None:
    """ "At least 11 porters were killed ..., announced the health ministry.": a closing
    say verb with no subject whose object, ending the sentence, is the speaker; its words are
    everything before the comma."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != "," or any(c.dep_ in SUBJECT_DEPS for c in verb.children) \
            or verb.lemma_.lower() in speech().hearer:
        return None   # (the object of "told" is the hearer: "..., told the radio.")
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or not _speaker_like(obj) or obj.pos_ == "PRON" or any(c.dep_ == "poss" for c in obj.children):
        return None   # (not "..., reiterated Arvel's stance.": a possessed object is what was said)
    sent_start, sent_end = sent_range(doc, verb.i)
    if any(not t.is_punct and not t.is_space for t in doc[obj.right_edge.i + 1:sent_end]) or verb.i - sent_start < 4:
        return None
    return Candidate(sent_start, verb.i - 1, verb, obj)


def _inverted_speaker(verb: Token, q: QuoteSpan) -> Token | None:
    """ '"...?" asked a young woman whose ...': the speaker after the verb, parsed as its object."""
    if not 0 <= verb.idx - q.close_end <= 2:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"}), None)


def _stranded_predicate(obj: Token) -> Token | None:
    """A finite verb right after an object, with no subject of its own: the object is its subject."""
    doc = obj.doc
    at = obj.right_edge.i + 1
    if at < len(doc) and doc[at].text == "," and any(t.dep_ == "relcl" for t in obj.children):
        at += 1   # "most traders who were there, fled": the comma closes the relative clause
    if obj.pos_ not in {"NOUN", "PROPN"} or at >= len(doc):
        return None
    verb = doc[at]
    if verb.tag_ not in {"VBZ", "VBP", "VBD", "MD"} or verb.head.i == obj.head.i and verb.dep_ == "conj" \
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    if verb.dep_ in {"aux", "auxpass"} and verb.head.i > verb.i:
        return verb.head   # "reporting the gunmen were shooting ...": the clause's main verb
    return verb if verb.pos_ == "AUX" or verb.dep_ in {"advcl", "ccomp", "conj", "ROOT"} else None


def _speaker_like(subj: Token | None) -> bool:
    """A subject that can make a statement: a name, a pronoun, a person or a body."""
    if subj is None:
        return False
    if subj.pos_ in {"PROPN", "PRON"} or subj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return True
    if any(c.dep_ == "poss" and (c.pos_ == "PROPN" or c.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}) for c in subj.children):
        return True   # "the agency's local desk", "Arvel's envoy": someone's voice
    words = {subj.lower_, subj.lemma_.lower()}
    av = actors()
    return bool(words & (speech().speaker_nouns | casualties().person_units | av.government | av.group | av.organisation))


def _agent(verb: Token) -> Token | None:
    """The doer in a passive's by-phrase: "was told by the minister"."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _to_infinitive(verb: Token, after: int = -1) -> Token | None:
    """A "to" infinitive hanging on the verb (past token ``after``): "warned civilians to leave"."""
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.i > after
                 and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)


def _passive_reporter(verb: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "was reported by X to have ...", "is said by X to be ...": the agent and the infinitive."""
    if verb.tag_ != "VBN":
        return None
    agent = _agent(verb)
    inf = _to_infinitive(verb)
    if agent is None or inf is None or inf.i < agent.i:
        return None
    return agent, (inf.left_edge.i, inf.right_edge.i + 1)


def _made_clear(verb: Token) -> bool:
    """ "made it clear", "made clear" right after the verb."""
    doc = verb.doc
    words = [t.lower_ for t in doc[verb.i + 1:verb.i + 3]]
    return words[:1] == ["clear"] or words == ["it", "clear"]


def _named_explainer(verb: Token, subj: Token | None) -> bool:
    """ "Ivo Renk ... described it as routine, explaining that ...": a named person, or a body,
    explains with a clause of their own (a place never does: "Arvel was shelled, indicating that")."""
    return subj is not None and subj.dep_ == "nsubj" and any(c.dep_ == "ccomp" for c in verb.children) and (
        subj.ent_type_ in {"PERSON", "ORG"} or (subj.pos_ == "PROPN" and subj.ent_type_ not in {"GPE", "LOC", "FAC", "NORP"}))


def _statement_author(verb: Token) -> Token | None:
    """The author of "a statement by X" that is the object or subject of ``verb``."""
    noun = next((c for c in verb.children if c.dep_ in {"dobj", "nsubj"} and c.lemma_.lower() in speech().nouns), None)
    if noun is None:
        return None
    return prep_object(noun, verb)


def _stray_clause_after_hearer(verb: Token) -> tuple[int, int] | None:
    """ "..., warning residents they would be shot if ...": the clause after the hearer, which the
    parser hung on another verb of the sentence."""
    if verb.lemma_.lower() not in speech().hearer:
        return None
    hearer = next((c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i > verb.i), None)
    doc = verb.doc
    if hearer is None or hearer.right_edge.i + 1 >= len(doc):
        return None
    first = doc[hearer.right_edge.i + 1]
    clause = next((a for a in [first, *first.ancestors] if a.dep_ == "ccomp" and a.left_edge.i == first.i), None)
    if clause is None or clause.head.i == verb.i or verb.i in {t.i for t in clause.subtree}:
        return None
    return first.i, _clause_end(clause)


def _that_clause_after(doc: Doc, tok: Token) -> tuple[int, int] | None:
    """ "admitted for the first time that X had died", "made it clear on Friday that ...": a
    "that" clause the parser hung elsewhere, after only a short phrase with no verb of its own."""
    sent_end = sent_range(doc, tok.i)[1]
    for k in range(tok.i + 1, min(sent_end, tok.i + 10)):
        t = doc[k]
        if t.lower_ == "that":
            # a complementiser ("that he believes ..."), not the relative pronoun of "the convoy
            # that was attacked": a subject, not a verb, follows it
            nxt = doc[k + 1] if k + 1 < sent_end else None
            if nxt is None or nxt.pos_ in {"VERB", "AUX"} or t.dep_ in {"nsubj", "nsubjpass"}:
                return None
            head = t.head
            if t.dep_ == "mark" and head.pos_ in {"VERB", "AUX"} and head.i > t.i + 1:
                return t.i + 1, _clause_end(head)
            end = sent_end   # the parser lost the clause ("that" as some later verb's object)
            while end > k + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            return (t.i + 1, end) if any(x.pos_ in {"VERB", "AUX"} for x in doc[k + 1:end]) else None
        if (t.pos_ in {"VERB", "AUX"} and t.dep_ != "amod") or t.text in {";", ":", ",", '"', "“", "”"}:
            return None
    return None


WH_WORDS = {"what", "why", "how", "where", "when", "whether", "who", "whom", "which", "if"}


def _indirect_question(comp: Token) -> bool:
    """A reported clause that opens with its own question word after the verb: "explained what
    sparked the attack" (not the relative "who" of "the commander, who he said fought off ...")."""
    first = comp.doc[comp.left_edge.i]
    return first.lower_ in WH_WORDS and first.i > comp.head.i and (first.head.i == comp.i or first.i == comp.i)


def _reported_clause(verb: Token) -> Token | None:
    """The clausal complement of a speech verb, unless it is a misplaced relative clause."""
    comps = [c for c in verb.children if c.dep_ == "ccomp" and not _relative_clause(c)]
    # a verbless "clause" next to a real one is a misparse: "told the agency NNA late Sunday that ..."
    return next((c for c in comps if c.pos_ in {"VERB", "AUX"}), comps[0] if comps else None)


def _lead_in(verb: Token) -> Token | None:
    """ "As X reports from Y, <clause>.", "X reports, <clause>.": a speech verb with a subject and no
    complement of its own that opens the sentence and that the parser hung on the clause after the
    comma; that clause is what X reports (not when it names a speaker of its own: "As X reports,
    aid workers say ...")."""
    doc = verb.doc
    head, comma = verb.head, verb.right_edge.i
    if doc[comma].text != ",":
        comma += 1   # (the parser may hang the comma on the last word: "reports from Kessel,")
    if verb.dep_ not in {"dep", "advcl", "ccomp"} or head.i <= comma or head.pos_ not in {"VERB", "AUX"} \
            or comma >= len(doc) or doc[comma].text != ",":
        return None
    if [c.lower_ for c in verb.children if c.dep_ == "mark"] not in ([], ["as"]) \
            or not any(c.dep_ == "nsubj" for c in verb.children) \
            or any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in verb.children):
        return None
    if any(t.pos_ in {"VERB", "AUX"} for t in doc[sent_range(doc, verb.i)[0]:verb.left_edge.i]):
        return None   # not at the start of its sentence
    if head.lemma_.lower() in speech().say and any(c.dep_ in SUBJECT_DEPS for c in head.children):
        return None
    return head


def _relative_clause(comp: Token) -> bool:
    """ "agreed to a deal last year that ended the war": a relative clause on a noun that the
    parser hung on the verb as its complement."""
    subj = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.lower_ not in {"that", "which", "who"} or subj.i < comp.head.i:
        return False
    before = comp.doc[subj.i - 1]
    return before.pos_ in {"NOUN", "PROPN"} and before.dep_ not in {"dobj", "dative"}


LIGHT_VERBS = {"make", "issue", "renew", "repeat", "reiterate", "launch", "voice"}
APPEAL_NOUNS = {"appeal", "call", "plea", "demand", "request"}


def _appeal_noun(verb: Token) -> Candidate | None:
    """ "made an appeal for an end to the fighting", "repeated his call “for the army to stop ...”":
    the appeal is what follows "for" (or "to"), and the maker of the appeal speaks."""
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in APPEAL_NOUNS), None)
    subj = subject_of(verb)
    if noun is None or subj is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    prep = next((c for c in (*noun.children, *verb.children) if c.dep_ == "prep" and c.i > noun.i and (
        c.lower_ == "for" or (c.lower_ == "to" and any(g.pos_ == "VERB" for g in c.subtree)))), None)
    if prep is not None and prep.right_edge.i > prep.i:
        return Candidate(prep.i + 1, prep.right_edge.i + 1, verb, subj)
    clause = next((c for c in verb.children if c.dep_ in {"advcl", "ccomp", "xcomp"} and c.i > noun.i
                   and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)
    if clause is not None:
        return Candidate(clause.left_edge.i, clause.right_edge.i + 1, verb, subj)
    return None


def indirect_candidates(doc: Doc) -> list[Candidate]:
    vocab = speech()
    out: list[Candidate] = []
    for tok in doc:
        if tok.pos_ not in {"VERB", "AUX"} and not (tok.pos_ == "NOUN" and tok.lemma_ in {"claim"}):
            continue
        lemma = tok.lemma_.lower()
        if lemma in LIGHT_VERBS:
            cand = _appeal_noun(tok)
            if cand is not None:
                out.append(cand)
                continue
        if lemma == "make" and _made_clear(tok):
            # "the ministry made it clear on Friday that ...": a statement
            clause = _that_clause_after(doc, doc[tok.i + 1])
            subj = subject_of(tok)
            if clause is not None and _speaker_like(subj):
                out.append(Candidate(clause[0], clause[1], tok, subj))
            continue
        if lemma not in vocab.all_verbs and lemma not in vocab.naming:
            continue
        if any(c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in {"if", "unless"}) for c in tok.children):
            continue   # "did not say", "if somebody tells you that ...": nothing was said
        inverted = _inverted_attribution(tok) if lemma in vocab.say else None
        if inverted is not None:
            out.append(inverted)
            continue
        subj = subject_of(tok)
        if subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == tok.i:
            # "a jury was told ...", "it was explained to the envoy": the subject heard it;
            # the speaker is the agent, if the sentence names one
            subj = _agent(tok)
            if subj is None:
                continue
        if tok.tag_ == "VBN" and tok.dep_ == "advcl" and not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
            continue   # "Asked about the convoy, she said ...": the question is not her statement
        if subj is not None and subj.lower_ == "it" and subj.head.i != tok.i and subj.head.lemma_ == "be":
            continue   # "it is worth noting that ...", "it's possible to talk about ...": nobody speaks
        if lemma in vocab.evidential and tok.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in tok.children) \
                and not (lemma in vocab.say and _named_explainer(tok, subj)):
            continue   # "..., indicating that ...": the facts indicate, nobody says
        if (lemma in vocab.evidential or lemma in vocab.commitment) and not _speaker_like(subj):
            continue   # "the incident suggests ...", "the attacks threaten to ...": no statement
        if tok.tag_ == "VBZ" and tok.lower_ in {"claims", "reports", "states", "notes", "statements"} \
                and subj is not None and not _speaker_like(subj):
            continue   # "Confirmation of both sides claims is impossible": a plural noun read as a verb
        span = None
        reporter = _passive_reporter(tok) if lemma in vocab.say else None
        if reporter is not None:
            # "X was reported by a rebel spokesman to have collapsed": the spokesman said so
            subj, span = reporter
        elif lemma in vocab.say:
            comp = _reported_clause(tok)
            if comp is not None and _indirect_question(comp):
                continue   # "explained what sparked the attack", "asked me what I was doing": no statement
            if comp is not None and comp.lemma_.lower() in vocab.all_verbs and any(c.dep_ in SUBJECT_DEPS for c in comp.children) \
                    and comp.i < tok.i and any(t.text in {";", "-", "–", "—"} for t in doc[comp.i:tok.i]):
                comp = None   # "A say X; B deny Y", "A accuse X - B denies it": two attributions chained together
            parenthetical = comp is None and tok.dep_ == "parataxis"
            if parenthetical:
                comp = tok.head
            elif comp is None and (lead := _lead_in(tok)) is not None:
                comp, parenthetical = lead, True
            if comp is not None and comp.i < tok.i and any(t.text in ":;" for t in doc[comp.i:tok.i]) \
                    and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "that":
                # "X is reacting: X has said that ...": the parser took the clause before the colon
                span = (tok.i + 2, sent_range(doc, tok.i)[1])
                comp = None
            if comp is not None:
                span = (comp.left_edge.i, _clause_end(comp))
                tail = next((c for c in tok.children if c.dep_ in {"xcomp", "advcl"} and c.left_edge.i == span[1]
                             and c.i > comp.i and c.tag_ == "VB"), None)
                if tail is not None:
                    span = (span[0], tail.right_edge.i + 1)   # "... have said are crucial [to hold the areas]"
                second = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > comp.i and c.left_edge.i <= span[1] + 1
                               and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
                if second is not None:
                    span = (span[0], _clause_end(second))   # "say they are tired, that they can no longer ..."
                obj = next((c for c in tok.children if c.dep_ == "dobj" and tok.i < c.i < comp.left_edge.i), None)
                if obj is not None and not any(c.dep_ in SUBJECT_DEPS for c in comp.children):
                    span = (obj.left_edge.i, span[1])   # "adding an unknown number of people are being held": its subject
                if tok.dep_ == "relcl" and comp.left_edge.i < tok.i < comp.i:
                    # "bombardments that residents say reduced the town to rubble": what follows the verb
                    span = (tok.i + 1, span[1])
                if comp.i < tok.i:
                    # "X, Petrov said, ...": X is his, up to where his attribution begins
                    lead = noun_phrase(subj).start if subj is not None and subj.i < tok.i else tok.i
                    if subj is not None and subj.head.i != tok.i and subj.i < tok.i and _closes_sentence(tok):
                        span = (span[0], lead)   # a speaker the parser hung on the report: all before it
                    else:
                        span = (span[0], min(span[1], lead))
                elif parenthetical:
                    # "..., witnesses said, armed men opened fire": the words after the aside
                    span = (tok.right_edge.i + 1, span[1])
            else:
                # "acknowledged for the first time that ..."
                that = _that_clause_after(doc, tok) if tok.pos_ in {"VERB", "AUX"} else None
                that = that or _stray_clause_after_hearer(tok)
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                gerund = next((c for c in tok.children if c.dep_ in {"xcomp", "dobj", "pcomp"} and c.tag_ == "VBG"), None)
                order = _to_infinitive(tok, after=tok.i)
                if that is not None:
                    span = that
                elif obj is not None and order is not None and obj.i < order.i and lemma not in {"claim", "deny", "admit"}:
                    span = (obj.left_edge.i, order.right_edge.i + 1)   # "warned civilians to leave the area"
                elif obj is not None and (stranded := _stranded_predicate(obj)) is not None:
                    # "with Arvel claiming the raids are a breach of ...", "said most traders who
                    # were there, fled ...": the parser took the clause's subject for the verb's
                    # object and hung the clause's verb elsewhere
                    span = (obj.left_edge.i, _clause_end(stranded))
                elif obj is not None and obj.lower_ not in {"nothing", "little", "anything", "much"} and \
                        any(t.pos_ == "VERB" and t.dep_ in {"acl", "relcl"} for t in obj.subtree):
                    # headline style: "Rebels claim 30 soldiers killed ..., and 12 injured"
                    end = obj.right_edge.i + 1
                    for c in tok.rights:
                        if c.dep_ == "conj" and c.i > obj.i and not any(g.dep_ in SUBJECT_DEPS and g.pos_ in {"PROPN", "PRON"} for g in c.children):
                            end = max(end, c.right_edge.i + 1)
                    span = (obj.left_edge.i, end)
                elif lemma == "report" and obj is not None and obj.pos_ == "NOUN" and subj is not None \
                        and subj.pos_ in {"PROPN", "PRON"} and obj.i > tok.i:
                    # "Governor Ivo Renk reported damage and several fires", "He also reported ...": what a
                    # named source reports (not "Several outlets reported heavy shelling")
                    span = (obj.left_edge.i, obj.right_edge.i + 1)
                elif lemma in {"claim", "deny"} and obj is not None and obj.lower_ in {"responsibility", "credit"}:
                    span = (obj.left_edge.i, obj.right_edge.i + 1)   # "claimed (denied) responsibility for the attack"
                elif gerund is not None and lemma in {"deny", "admit", "acknowledge", "confirm", "report", "claim"}:
                    span = (gerund.left_edge.i, gerund.right_edge.i + 1)   # "claimed killing 40 soldiers"
                elif lemma in vocab.commitment or lemma == "claim":
                    # "has vowed to disrupt the elections": the pledge is the infinitive
                    inf = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}
                                and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.subtree if g.i < c.i)), None)
                    if inf is not None:
                        span = (inf.left_edge.i, inf.right_edge.i + 1)
                elif lemma in {"deny", "admit", "acknowledge"}:
                    comp = next((c for c in tok.children if (c.dep_ in {"xcomp", "pcomp"} or c.tag_ == "VBG")
                                 and any(g.tag_ == "VBG" for g in c.subtree)), None)   # not "denies two counts of ..."
                    if comp is not None:
                        span = (comp.left_edge.i, comp.right_edge.i + 1)   # "denied being backed by ..."
        if span is None and lemma in vocab.appeal:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in vocab.appeal_preps
                         and c.i > tok.i), None)    # not "On Tuesday, X urged ..."
            xcomp = next((c for c in tok.children if c.dep_ in {"xcomp", "ccomp"}), None)
            advcl = next((c for c in tok.children if c.dep_ == "advcl" and any(m.lower_ == "for" and m.dep_ == "mark" for m in c.children)), None)
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if advcl is not None:
                span = (advcl.left_edge.i, advcl.right_edge.i + 1)
            elif prep is not None and (xcomp is not None or lemma != "call" or (
                    prep.lower_ == "for" and _speaker_like(subj))):   # "called for an end to the fighting"
                end = max(prep.right_edge.i, xcomp.right_edge.i if xcomp is not None else -1) + 1
                span = (prep.i + 1, end)
            elif obj is not None and (xcomp is not None or lemma in vocab.appeal_object):
                end = max(obj.right_edge.i, xcomp.right_edge.i if xcomp is not None else -1) + 1
                span = (obj.left_edge.i, end)
            elif lemma != "call" and xcomp is not None:
                span = (xcomp.left_edge.i, xcomp.right_edge.i + 1)
        if span is None and lemma in vocab.accuse:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            prep = next((c for c in tok.children if c.dep_ == "prep" and (
                c.lower_ in {"of", "for", "over"} or (c.lower_ == "on" and lemma == "blame"))), None)   # "blame X on Y"
            if obj is not None and prep is None:
                # "accused the rebels of using ...": the parser may hang "of" on the object
                prep = next((c for c in obj.children if c.dep_ == "prep" and (
                    (c.lower_ in {"of", "for"} and any(g.tag_ == "VBG" or g.dep_ == "pcomp" for g in c.children))
                    or (c.lower_ == "on" and lemma == "blame"))), None)
            if obj is None and prep is None:
                # "accused neighboring Chad of supporting ...", where the parser lost the object
                prep = next((t for t in tok.subtree if t.i > tok.i and t.lower_ in {"of", "for"} and t.i - tok.i <= 8
                             and any(g.tag_ == "VBG" or g.dep_ == "pcomp" for g in t.children)), None)
                if prep is not None:
                    span = (tok.i + 1, prep.right_edge.i + 1)
            if obj is not None and prep is not None and obj.i < tok.i and obj.lower_ in RELATIVE:
                span = (prep.i + 1, prep.right_edge.i + 1)   # "the front, which X accuses of being armed by Y"
            elif obj is not None and prep is not None:
                span = (obj.left_edge.i, max(prep.right_edge.i, obj.right_edge.i) + 1)
            elif obj is not None:
                sub = doc[obj.left_edge.i:obj.right_edge.i + 1]
                if any(t.text in {"“", '"'} for t in sub):
                    # "condemned what it called X's “aggression”": keep the quoted wording
                    named = next((t for t in sub if t.dep_ == "oprd"), None)
                    start = named.left_edge.i if named is not None else obj.left_edge.i
                    span = (start, obj.right_edge.i + 1)
                    comp = _reported_clause(tok)
                    if comp is not None:
                        span = (min(span[0], comp.left_edge.i), max(span[1], comp.right_edge.i + 1))
            else:
                comp = _reported_clause(tok)
                if comp is not None and any(t.text in {"“", '"'} for t in comp.subtree):
                    named = next((t for t in comp.subtree if t.dep_ == "oprd"), None)
                    start = named.left_edge.i if named is not None else comp.left_edge.i
                    span = (start, comp.right_edge.i + 1)
        if span is None and lemma in vocab.naming:
            # "called the attacks “bold and brazen”", "referred to the rebels as “terrorists”": the
            # naming is a statement when it quotes the words used
            target = next((c for c in tok.children if c.dep_ == "dobj"), None) or next(
                (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"), None)
            names = [c for c in tok.children if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")]
            if target is not None and names:
                end = max(n.right_edge.i for n in names) + 1
                if any(t.text in QUOTE_MARKS for t in doc[target.i:min(len(doc), end + 2)]):
                    span = (target.left_edge.i, end)
        if span is None and lemma in vocab.topic:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in vocab.topic_preps and c.i > tok.i), None)
            if prep is None:
                # "spoke in a statement of its intention ...": the "of" hangs off the noun
                for c in tok.children:
                    if c.dep_ == "prep":
                        for pobj in c.children:
                            prep = next((g for g in pobj.children if g.dep_ == "prep" and g.lower_ in vocab.topic_preps), None)
                            if prep is not None:
                                break
                    if prep is not None:
                        break
            channel = prep is not None and prep.lower_ == "on" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in vocab.channels for g in prep.children)
            if prep is not None and prep.right_edge.i > prep.i and not channel:   # not "spoke on a satellite phone"
                span = (prep.i + 1, prep.right_edge.i + 1)
        if span is None:
            continue
        s, e = span
        if subj is not None and s <= subj.i < e:
            continue
        if e - s < 2 or doc[s:e].text.lower().startswith(vocab.not_content):
            continue   # "asked not to be named", "claimed responsibility"
        out.append(Candidate(s, e, tok, subj))
    # "according to X, ...": the rest of the sentence is X's
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None or pobj.lower_ in vocab.not_sources or pobj.lemma_.lower() in vocab.not_sources:
                continue   # "according to the agreement": a rule, not a speaker
            if pobj.lower_ in vocab.nouns:
                # "according to a statement by the border police": the author speaks
                author = prep_object(pobj, preps={"by", "from", "of"}) or next(
                    (c for c in pobj.children if c.dep_ == "poss"), None)
                pobj = author if author is not None else pobj
            sent_start, sent_end = sent_range(doc, tok.i)
            phrase_end = tok.i + 2 if pobj.i < tok.i else max(pobj.right_edge.i, to.right_edge.i) + 1
            named = pobj.i + 1
            while pobj.pos_ == "NOUN" and named < len(doc) and doc[named].pos_ == "PROPN" and doc[named].text[:1].isupper():
                named += 1
            if named > pobj.i + 1 and named >= phrase_end:
                # "according to the news site Velmonews two farmers ...": the name is the source
                pobj, phrase_end = doc[named - 1], named
            lead = doc[sent_start:tok.i]
            if tok.i - sent_start <= 1 or (len(lead) <= 6 and lead[-1].text == "," and phrase_end < sent_end
                                           and not any(t.pos_ in {"VERB", "AUX"} for t in lead)) \
                    or (lead[-1].lower_ in {"but", "yet", "while"} and phrase_end < sent_end):
                # ("..., but according to the website X there was ...": the words after it)
                s, e = phrase_end, sent_end   # "According to X, ...", "Even so, according to X, ..."
            else:
                s, e = sent_start, tok.i
            if any(s <= c.verb.i < e for c in out if c.verb.lemma_.lower() in vocab.say):
                continue   # "..., Petrov said, according to the agency": the named speaker's words
            out.append(Candidate(s, e, tok, pobj))
    out.extend(_content_noun_candidates(doc))
    return out


def _content_noun_candidates(doc: Doc) -> list[Candidate]:
    """ "amid Red Cross warnings that the dam may fail", "the army's claim that ...": a statement
    noun with a "that" clause is a statement when the noun names its author."""
    vocab = speech()
    out = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in vocab.content_nouns:
            continue
        mark = next((m for c in tok.rights if c.dep_ in {"acl", "ccomp"}
                     for m in c.children if m.dep_ == "mark" and m.lower_ == "that"), None)
        if mark is None:
            continue
        author = next((c for c in tok.children if c.dep_ == "poss"), None) or next(
            (c for c in tok.children if c.dep_ in {"compound", "amod"} and c.i < tok.i
             and (c.ent_type_ in {"ORG", "GPE", "NORP", "PERSON"} or c.lemma_.lower() in actors().government)), None) \
            or prep_object(tok)
        if author is None:
            continue
        out.append(Candidate(mark.i + 1, _clause_end(mark.head), tok, author))
    return out


def _cue_window(doc: Doc, q: QuoteSpan) -> list[Token]:
    """Tokens where a quotation's cue may stand: the sentences it overlaps, the sentence right
    after it ('... ,” he said.') and a sentence ending in a colon right before it."""
    span = doc.char_span(q.open_start, q.close_end, alignment_mode="expand")
    if span is None:
        return []
    start, first_end = sent_range(doc, span.start)
    last_start, end = sent_range(doc, span.end - 1)
    if end < len(doc) and doc[end].idx - q.close_end <= 3 and doc[end - 1].idx + len(doc[end - 1]) <= q.close_end + 1:
        end = sent_range(doc, end)[1]
    if start > 0 and doc[start].idx >= q.open_start - 1:
        prev_start, prev_end = sent_range(doc, start - 1)
        if doc[prev_end - 1].text == ":" or (prev_end - prev_start > 1 and doc[prev_end - 2].text == ":"):
            start = prev_start
    # cue verbs stand next to the quotation: a bounded window keeps long sentences linear
    start = max(start, span.start - CUE_REACH)
    end = min(end, span.end + CUE_REACH)
    return list(doc[start:end])


def _title_like(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text)
    return bool(words) and not re.search(r"[.!?,;:]$", text) and all(w[0].isupper() or len(w) <= 3 for w in words)


CHAIN_WORDS = {"while", "whereas", "but", "and", "though", "although", "yet"}   # not "after", "when": those nest


def _split_chained(doc: Doc, cands: list[Candidate]) -> None:
    """ "A said X, while B said Y", "A denied X in raids that B say Y": end A's content where B's
    attribution begins. A pronoun inside ("forces which he said had ...") is the same speaker's
    aside and stays nested."""
    for inner in cands:
        subj = inner.subject
        relative = subj is not None and subj.lower_ in {"which", "who"} and inner.verb.dep_ == "relcl"
        if subj is None or (subj.pos_ == "PRON" and not relative) or inner.verb.lemma_.lower() not in speech().say:
            continue   # ("..., the rebels, which have said ...": the rebels' own statement)
        clause_start = min(inner.verb.left_edge.i, subj.left_edge.i)
        for outer in cands:
            if outer is not inner and outer.start < clause_start and inner.verb.i < outer.end and \
                    outer.verb.i < clause_start and (doc[clause_start - 1].is_punct or doc[clause_start].lower_ in CHAIN_WORDS
                                                     or inner.verb.dep_ == "relcl"):
                outer.end = clause_start   # "... in raids that residents say razed ...": the residents' words


def _joined(between: str) -> bool:
    """Text between two quotations that joins them into one statement: "and", "or", a comma."""
    words = between.split()
    return len(words) <= 2 and all(w.strip(",") in {"and", "or", "but", ""} for w in words)


def _add(found: list, starts: list[int], item: tuple) -> None:
    """Insert keeping ``found`` sorted by start."""
    k = bisect_right(starts, item[0])
    starts.insert(k, item[0])
    found.insert(k, item)


def find_quotes(doc: Doc) -> list[Quote]:
    text = doc.text
    resolver = SpeakerResolver(doc)
    directs = direct_spans(text)
    index = QuoteIndex(directs)
    cands = indirect_candidates(doc)
    found: list[tuple[int, int, str, Token | None, Token, str]] = []  # (start, end, kind, subject, cue, ...)
    cue_of_direct: dict[int, tuple[Token | None, Token]] = {}
    _split_chained(doc, cands)
    for c in cands:
        cs, ce = _trim(doc, c.start, c.end)
        if cs < 0:
            continue
        m = DATELINE.match(text[cs:ce])
        if m:
            cs += m.end()
        over = [k for k in index.overlapping(cs - 1, ce + 1) if directs[k].start < ce and cs < directs[k].end]
        # quotations inside the reported clause (one may end past it by its closing punctuation)
        inner = [k for k in index.overlapping(cs - 1, ce + 1)
                 if directs[k].open_start >= cs - 1 and (directs[k].close_end <= ce + 1 or (
                     directs[k].open_start < ce and not text[ce:directs[k].close_end].strip(CLOSING_PUNCT)))]
        # the words of the reported clause that lie outside every quotation
        keep = [True] * (ce - cs)
        for k in over:
            q = directs[k]
            for pos in range(max(q.open_start, cs), min(q.close_end, ce)):
                keep[pos - cs] = False
        outside = "".join(ch if keep[i] else " " for i, ch in enumerate(text[cs:ce]))
        if over and _words(outside) < 2:
            # the reported clause is the quotation itself: the verb is the direct quote's cue
            # (unless the verb is inside the quotation: "people who swore they would stay")
            if index.covering(c.verb.idx) is None:
                for k in over:
                    subj = c.subject if c.subject is not None else _inverted_speaker(c.verb, directs[k])
                    cue_of_direct.setdefault(k, (subj, c.verb))
            continue
        # the cue verb sits inside a quotation: it is part of someone's words, not attribution
        if index.covering(c.verb.idx) is not None:
            continue
        if c.subject is not None and c.subject.lower_ in {"i", "we"}:
            continue   # outside quotation marks "we" is the writer ("we can now acknowledge that ...")
        # a quotation that carries the clause on after a comma or "and", starting in lower case:
        # 'said it was the first raid in years, “that the army has ever admitted”'
        tail = next((k for k in index.overlapping(ce, ce + 6) if directs[k].open_start >= ce and not directs[k].used
                     and _joined(text[ce:directs[k].open_start]) and text[directs[k].start:directs[k].start + 1].islower()), None)
        if tail is not None:
            inner = [*inner, tail]
        kind = "mixed" if inner else "indirect"
        for k in inner:
            directs[k].used = True
            ce = max(ce, directs[k].close_end)   # keep the closing quotation mark
        if inner:
            # a further quotation joined on: "the gunman “took a stance” and “pointed an object”"
            k = max(inner) + 1
            while k < len(directs) and _joined(text[ce:directs[k].open_start]):
                directs[k].used = True
                ce = directs[k].close_end
                k += 1
        found.append((cs, ce, kind, c.subject, c.verb, ""))
    found.sort(key=lambda f: f[0])
    found_starts = [f[0] for f in found]
    # direct quotes: cue from the parse, else the nearest speech verb outside the quote in its paragraph
    vocab = speech()
    mixed: dict[int, tuple] = {}     # cue token -> (subject, cue, quotations after it in its sentence)
    for k, q in enumerate(directs):
        if q.used:
            continue
        qtext = text[q.start:q.end]
        subj, cue = cue_of_direct.get(k, (None, None))
        if cue is None:
            para_start = text.rfind("\n", 0, q.open_start) + 1
            para_end = text.find("\n", q.close_end)
            para_end = len(text) if para_end < 0 else para_end
            best = None
            for tok in _cue_window(doc, q):
                if index.covering(tok.idx) is not None:
                    continue
                if tok.lemma_.lower() == "read":
                    s = _statement_author(tok)   # '"We condemn ...," read a statement by the coordinator'
                elif tok.lemma_.lower() in vocab.say and tok.pos_ in {"VERB", "AUX"}:
                    s = subject_of(tok)
                    if s is not None and q.open_start <= s.idx < q.close_end:
                        continue
                    s = s if s is not None else _inverted_speaker(tok, q)
                else:
                    continue
                if s is None:
                    continue
                dist = min(abs(tok.idx - q.close_end), abs(q.open_start - tok.idx))
                if best is None or dist < best[0]:
                    best = (dist, s, tok)
            if best is not None:
                subj, cue = best[1], best[2]
            else:
                # headline style: "Army chief: “We will ...”"
                lead = doc.char_span(para_start, q.open_start, alignment_mode="contract")
                if lead is not None and 1 < len(lead) <= 7 and lead[-1].text == ":":
                    nouns = [t for t in lead if t.pos_ in {"NOUN", "PROPN"}]
                    if nouns:
                        subj, cue = nouns[-1], lead[-1]
        if cue is None:
            # a paragraph that is only a quotation continues the previous speaker's words
            para_start = text.rfind("\n", 0, q.open_start) + 1
            rest = text[para_start:q.open_start].strip()
            if _words(qtext) >= MIN_DIRECT_WORDS and found and not _title_like(qtext):
                at = bisect_right(found_starts, q.start - 1) - 1
                prev = found[at] if at >= 0 else None
                same_para = prev is not None and prev[1] >= para_start
                if prev is not None and prev[2] == "direct" and (same_para or not rest) and q.start - prev[1] < 1500:
                    _add(found, found_starts, (q.start, q.end, "direct", prev[3], prev[4], "continuation"))
            continue
        if cue is not None and cue.idx < q.open_start and cue.pos_ in {"VERB", "AUX"} and \
                text.rfind("\n", cue.idx, q.open_start) < 0 and (subj is None or subj.i < cue.i):
            group = mixed.get(cue.i)
            if group is not None and _joined(text[group[2][-1].close_end:q.open_start]):
                group[2].append(q)   # a further quotation joined by "and", "or", a comma
                continue
            gap = doc.char_span(cue.idx + len(cue.text), q.open_start, alignment_mode="contract")
            if gap is not None and 1 <= len([t for t in gap if t.is_alpha and t.lower_ != "that"]) <= MIXED_GAP_WORDS \
                    and not any(t.pos_ in {"VERB", "AUX"} for t in gap) and not any(t.text in ".!?;:" for t in gap) \
                    and not any(t.dep_ == "dobj" and t.head.i == cue.i for t in gap):   # "repeated his call “...”"
                # "Marrow says the gunman “took a stance” and “pointed an object”": one mixed quote
                mixed.setdefault(cue.i, (subj, cue, []))[2].append(q)
                continue
        if k not in cue_of_direct and (_words(qtext) < MIN_DIRECT_WORDS and not re.search(r"[.!?,]$", qtext)
                                       or _title_like(qtext)):
            continue   # scare quotes, titles, slogans, single words
        _add(found, found_starts, (q.start, q.end, "direct", subj, cue, ""))
    for start, end, subj, cue in _block_quotes(doc, index):
        _add(found, found_starts, (start, end, "direct", subj, cue, ""))
    for subj, cue, qs in mixed.values():
        start = cue.i + 1
        # "said Friday that ...", "said on Friday that ...": the content starts after "that"
        while start < len(doc) and doc[start].idx < qs[0].open_start and (
                doc[start].lower_ == "that" or doc[start].is_punct or doc[start].ent_type_ in {"DATE", "TIME"}
                or (doc[start].lower_ == "on" and start + 1 < len(doc) and doc[start + 1].ent_type_ in {"DATE", "TIME"})):
            start += 1
        _add(found, found_starts, (doc[start].idx, qs[-1].close_end, "mixed", subj, cue, ""))
    # "The agency says the rebels claim 400 troops were killed": the claim is the rebels'; the
    # reporter of a claim gives way to the claimant when the reported clause is the claim itself
    # ("X says it has asked": X's; "X said the group had declared a week of mourning": a deed, X's words)
    claim_verbs = {f[4].i: f for f in found if f[4] is not None and f[3] is not None
                   and f[4].lemma_.lower() in vocab.say and f[3].pos_ != "PRON"
                   and (f[4].lemma_.lower() == "claim" or f[4].lemma_.lower() in vocab.commitment
                        or any(c.dep_ == "ccomp" for c in f[4].children))}   # "X reports the president is vowing to ..."
    found = [f for f in found if not (f[4] is not None and any(
        c.dep_ in {"ccomp", "parataxis"} and c.i in claim_verbs and f[0] <= claim_verbs[c.i][3].idx < f[1]
        for c in f[4].children))]
    # drop reported speech nested inside another quote's content (keep the outermost)
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept = []
    reach = -1
    for f in found:
        if f[1] <= reach:
            continue
        kept.append(f)
        reach = max(reach, f[1])
    quotes: list[Quote] = []
    for cs, ce, kind, subj, cue, note in kept:
        if subj is None:
            continue
        if note == "continuation":
            prev = quotes[-1] if quotes else None
            if prev is None:
                continue
            quotes.append(Quote(text[cs:ce], cs, ce, kind, prev.speaker, prev.cue))
            continue
        phrase = noun_phrase(subj)
        if phrase.start_char < cs < phrase.end_char and subj.idx < cs:
            # "we were told by many of the displaced people that ...": the parser hung the reported
            # clause on the speaker's noun; the speaker ends where the words begin
            cut = phrase.doc.char_span(phrase.start_char, cs, alignment_mode="contract")
            while cut is not None and len(cut) > 1 and (cut[-1].lower_ == "that" or cut[-1].is_punct):
                cut = cut[:-1]
            phrase = cut if cut is not None and len(cut) else phrase
        sp = resolver.make(phrase, subj)
        resolver.remember(subj.i, sp)
        cue_text = cue.text if cue is not None else None
        quotes.append(Quote(text[cs:ce], cs, ce, kind, sp, cue_text))
    return quotes
