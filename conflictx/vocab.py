"""Word sets built once from the data files (speech verbs, casualty terms, actor and place words)."""
from __future__ import annotations

from functools import lru_cache

from .data import load_json


class SpeechVocab:
    def __init__(self) -> None:
        d = load_json("speech.json")
        self.cognition = frozenset(d["cognition_verbs"])
        self.say = frozenset(d["say_verbs"]) - self.cognition
        self.appeal = frozenset(d["appeal_verbs"])
        self.accuse = frozenset(d["accuse_verbs"])
        self.topic = frozenset(d["topic_verbs"])
        self.topic_preps = frozenset(d["topic_preps"])
        self.appeal_preps = frozenset(d["appeal_preps"])
        self.nouns = frozenset(d["speech_nouns"])
        self.content_nouns = frozenset(d["content_nouns"])
        self.appeal_object = frozenset(d["appeal_object_verbs"])
        self.hearer = frozenset(d["hearer_verbs"])
        self.all_verbs = self.say | self.appeal | self.accuse | self.topic
        self.not_content = tuple(d.get("not_content_starts", []))
        self.evidential = frozenset(d.get("evidential_verbs", []))
        self.commitment = frozenset(d.get("commitment_verbs", []))
        self.naming = frozenset(d.get("naming_verbs", []))
        self.speaker_nouns = frozenset(d.get("speaker_nouns", []))
        self.not_sources = frozenset(d.get("not_sources", []))
        self.channels = frozenset(d["channel_nouns"])
        self.colon_intro = frozenset(d["colon_intro_verbs"]) | self.say


class CasualtyVocab:
    def __init__(self) -> None:
        d = load_json("casualties.json")
        self.verbs: dict[str, str] = {}
        self.adjectives: dict[str, str] = {}
        self.nouns: dict[str, str] = {}
        for cat, words in d["categories"].items():
            for w in words["verbs"]:
                self.verbs.setdefault(w, cat)
            for w in words["adjectives"]:
                self.adjectives.setdefault(w, cat)
            for w in words["nouns"]:
                self.nouns.setdefault(w, cat)
        self.person_units = frozenset(d["person_units"])
        self.vague = dict(d["vague_numbers"])
        self.qualifiers: list[tuple[list[str], str]] = sorted(
            ((q.split(), name) for name, qs in d["qualifiers"].items() for q in qs),
            key=lambda x: -len(x[0]))
        self.not_units = frozenset(d["not_countable_units"])
        self.settlements = frozenset(d.get("settlement_nouns", []))
        self.capacity = frozenset(d.get("capacity_nouns", []))
        self.not_displaced = frozenset(d.get("not_displaced_units", []))
        self.dead_units = frozenset(d.get("dead_units", []))
        self.single_persons = frozenset(d.get("single_person_nouns", []))
        self.refuge = frozenset(d.get("refuge_nouns", []))
        self.homes = frozenset(d["home_nouns"])
        self.structures = frozenset(d["structure_nouns"]) | self.homes | self.settlements
        self.removal = frozenset(d["removal_verbs"])
        self.headline_verbs = frozenset(d["headline_verbs"])
        self.harm_verbs = frozenset(d["harm_verbs"])
        self.injury_objects = frozenset(d["injury_objects"])
        self.displacement_settings = frozenset(d["displacement_settings"])
        self.intransitive = frozenset(d["intransitive_verbs"])
        self.evacuation_to = frozenset(d.get("evacuation_destinations", []))
        self.tallies = frozenset(d["tally_nouns"])
        self.life_taking = frozenset(d["life_taking_verbs"])


class ActorVocab:
    def __init__(self) -> None:
        d = load_json("actors.json")
        self.seats = {k.lower(): v for k, v in d["seats_of_power"].items()}
        self.demonyms = {k.lower(): v for k, v in d["demonyms"].items()}
        self.demonym_forms: dict[str, str] = dict(d["demonyms"])   # as written: "South Sudanese"
        self.government = frozenset(w.lower() for w in d["government_words"])
        self.group = frozenset(w.lower() for w in d["group_words"])
        self.organisation = frozenset(w.lower() for w in d["organisation_words"])
        self.person_roles = frozenset(w.lower() for w in d["person_role_words"])
        self.name_particles = frozenset(d["name_particles"])
        self.gendered = {w.lower(): g for g, words in d["gendered_person_words"].items() for w in words}
        self.titles = frozenset(d["titles"])
        self.gendered_titles: dict[str, str] = dict(d["gendered_titles"])
        self.name_preps = frozenset(d["name_preps"])


class PlaceVocab:
    def __init__(self) -> None:
        d = load_json("place_words.json")
        self.nouns = frozenset(d["place_nouns"])
        self.admin_suffixes = frozenset(d["admin_suffixes"])
        self.features = frozenset(d["feature_words"])
        self.compass = frozenset(d["compass_words"])
        self.directions = self.compass | frozenset(d["direction_adjectives"])
        self.streets = frozenset(d["street_words"])
        self.kin = frozenset(d["kin_words"])
        self.not_place_starts = frozenset(d["not_place_starts"])
        self.article_prefixes = frozenset(d["article_prefixes"])
        self.linking_vowels = frozenset(d["linking_vowels"])
        self.calendar = frozenset(d["calendar_words"])
        self.distance_units: dict[str, float] = dict(d["distance_units_km"])
        self.distance_fillers = frozenset(d["distance_fillers"])


@lru_cache(maxsize=1)
def speech() -> SpeechVocab:
    return SpeechVocab()


@lru_cache(maxsize=1)
def casualties() -> CasualtyVocab:
    return CasualtyVocab()


@lru_cache(maxsize=1)
def actors() -> ActorVocab:
    return ActorVocab()


@lru_cache(maxsize=1)
def place_words() -> PlaceVocab:
    return PlaceVocab()
