"""The command line, run as a user runs it (subprocess), on the samples."""
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "valdoria-ceasefire.txt"
OTHER = ROOT / "samples" / "dunmoor-siege.txt"


def cx(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "conflictx", *map(str, args)], capture_output=True,
                          text=True, input=stdin, timeout=300)


def test_version_and_help():
    r = cx("--version")
    assert r.returncode == 0 and r.stdout.startswith("conflictx ")
    h = cx("extract", "--help")
    assert h.returncode == 0 and "--format" in h.stdout and "Exit codes" in h.stdout


def test_json_output_validates_against_printed_schema():
    schema = json.loads(cx("schema").stdout)
    r = cx("extract", SAMPLE, "--format", "json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    jsonschema.validate(out, schema)
    assert out["quotes"] and out["figures"] and out["locations"]
    text = SAMPLE.read_text(encoding="utf-8")
    for section in ("quotes", "figures", "locations", "dates", "entities"):
        for item in out[section]:
            assert text[item["start"]:item["end"]] == item["text"]


def test_jsonl_one_object_per_article_in_order():
    r = cx("extract", SAMPLE, OTHER, "--format", "jsonl")
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert [Path(x["source"]["path"]).name for x in lines] == [SAMPLE.name, OTHER.name]


def test_piped_default_is_jsonl_and_stdin_works():
    r = cx("extract", "-", stdin="Rebels said 12 soldiers were killed in Dunmoor on Monday.")
    rec = json.loads(r.stdout)
    assert rec["source"]["path"] == "<stdin>"
    assert any(f["value"] == 12 and f["category"] == "killed" for f in rec["figures"])


def test_table_output_has_sections():
    r = cx("extract", SAMPLE, "--format", "table")
    assert r.returncode == 0
    for title in ("Who said what", "Figures", "Places"):
        assert title in r.stdout


@pytest.mark.parametrize("args, code, words", [
    (["extract", "/nonexistent/file.txt"], 1, "no such file"),
    (["extract", "--model", "no_such_model_xyz", "samples/valdoria-ceasefire.txt"], 2, "cannot load"),
    (["extract", "--date", "yesterday", "samples/valdoria-ceasefire.txt"], 2, "YYYY-MM-DD"),
    (["extract", "--format", "pdf", "samples/valdoria-ceasefire.txt"], 2, "unknown --format"),
])
def test_errors_are_one_line_without_traceback(args, code, words):
    r = subprocess.run([sys.executable, "-m", "conflictx", *args], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == code
    assert words in r.stderr
    assert "Traceback" not in r.stderr


def test_directory_with_binary_file_gives_error_record(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said 40 people were killed in Harrowgate.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 40)
    r = cx("extract", tmp_path, "--format", "jsonl")
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert r.returncode == 1
    assert len(recs) == 2
    assert "error" not in recs[0] and recs[1]["error"]["type"] == "InputError"
    assert "b.txt" in r.stderr


def test_check_passes_on_samples_and_fails_after_edit(tmp_path):
    r = cx("check", ROOT / "samples")
    assert r.returncode == 0, r.stdout
    import shutil
    shutil.copy(SAMPLE, tmp_path / SAMPLE.name)
    shutil.copy(SAMPLE.with_name(SAMPLE.stem + ".expected.json"), tmp_path)
    text = SAMPLE.read_text(encoding="utf-8")
    (tmp_path / SAMPLE.name).write_text(text + "\n\nThe army said 99 soldiers had been killed.\n", encoding="utf-8")
    r = cx("check", tmp_path)
    assert r.returncode == 1
    assert "added" in r.stdout and "99" in r.stdout


def test_csv_and_geojson(tmp_path):
    r = cx("extract", SAMPLE, "--format", "csv", "--section", "figures")
    assert r.stdout.splitlines()[0].startswith("path,value")
    g = json.loads(cx("extract", ROOT / "samples" / "karabakh-offensive-2023.txt", "--format", "geojson").stdout)
    assert g["type"] == "FeatureCollection" and g["features"]


def test_jobs_two_gives_the_same_output_in_the_same_order():
    one = cx("extract", ROOT / "samples", "--jobs", "1", "--format", "jsonl")
    two = cx("extract", ROOT / "samples", "--jobs", "2", "--format", "jsonl")
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout == two.stdout and one.stdout.count("\n") == len(list((ROOT / "samples").glob("*.txt")))


def test_python_api_matches_cli():
    import conflictx

    text = SAMPLE.read_text(encoding="utf-8")
    api = conflictx.extract(text, path=str(SAMPLE)).to_dict()
    many = [r.to_dict() for r in conflictx.extract_many([(text, str(SAMPLE), None)] * 2, n_process=2)]
    assert many[0]["quotes"] == many[1]["quotes"] == api["quotes"]


def test_worker_pool_keeps_input_order_over_many_batches():
    """More batches than the in-flight window holds: results still come back in input order."""
    import conflictx

    texts = [f"Officials in Velmora said {n} soldiers were killed on Monday." for n in range(3, 60)]
    items = [(t, f"a{n}.txt", None) for n, t in enumerate(texts)]
    results = list(conflictx.extract_many(items, n_process=3))
    assert [r.to_dict()["source"]["path"] for r in results] == [p for _, p, _ in items]
    assert [r.to_dict()["figures"][0]["value"] for r in results] == list(range(3, 60))


def test_broken_pipe_is_quiet():
    """`conflictx extract ... | head -c 100`: no traceback when the reader goes away."""
    r = subprocess.run(f'"{sys.executable}" -m conflictx extract "{ROOT / "samples"}" -f jsonl | head -c 100 > /dev/null',
                       shell=True, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in r.stderr and "Error" not in r.stderr, r.stderr


def test_worker_tasks_are_full_size_until_the_tail_of_the_stream():
    """Tasks of `size` articles; the last ones go out in small tasks, so no worker is left alone with
    a big task at the end; nothing is lost or reordered."""
    from conflictx.api import TAIL_BATCH, _tasks

    tasks = list(_tasks(iter(range(50)), 8, hold=16))
    assert [x for task in tasks for x in task] == list(range(50))
    sizes = [len(task) for task in tasks]
    assert sizes[:4] == [8, 8, 8, 8]
    assert max(sizes[4:]) <= TAIL_BATCH and sum(sizes[4:]) == 18
    assert list(_tasks(iter([]), 8, hold=16)) == []
