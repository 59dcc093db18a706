"""The recruitx command: parse files and standard input to JSON, report unreadable files, list plugins."""

from __future__ import annotations

import io
import json
import pathlib
import subprocess
import sys

import pytest

import recruitx
from recruitx.cli import main

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "uk-intel-foreign-recruits.txt"


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv), out=out, err=err)
    finally:
        sys.stdin = old
    return code, out.getvalue(), err.getvalue()


def test_parse_prints_the_same_as_the_library():
    code, out, err = run("parse", str(EXAMPLE))
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data.pop("file") == str(EXAMPLE)
    assert data == recruitx.parse_report(EXAMPLE.read_text(encoding="utf-8")).to_dict()


def test_jsonl_and_stdin_and_published(tmp_path):
    code, out, _ = run("parse", "-", "--format", "jsonl", "--published", "2024-05-01", stdin="Russia will likely recruit.")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 1
    assert json.loads(lines[0])["published"] == "2024-05-01"


def test_unreadable_files_are_named_and_the_rest_still_parsed(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Ukraine \xe9t\xe9".encode("latin-1"))
    code, out, err = run("parse", str(tmp_path / "missing.txt"), str(bad), str(EXAMPLE), "--format", "jsonl")
    assert code == 1
    assert len(out.splitlines()) == 1
    errors = err.splitlines()
    assert len(errors) == 3 and "missing.txt" in errors[0] and "latin1.txt" in errors[1]
    assert errors[2].startswith("recruitx: 1 reports,") and "2 errors" in errors[2]


def test_bad_published_is_a_usage_error():
    code, _, err = run("parse", str(EXAMPLE), "--published", "yesterday")
    assert code == 2 and "--published" in err


def test_plugins_lists_the_builtin_stages():
    code, out, _ = run("plugins")
    assert code == 0
    assert "recruitx.quantities" in out and "built-in" in out


def test_console_script_version():
    out = subprocess.run([sys.executable, "-m", "recruitx.cli", "--version"], capture_output=True, text=True)
    assert out.stdout.strip() == f"recruitx {recruitx.__version__}"


@pytest.mark.parametrize("argv", [[], ["parse"], ["frobnicate"]])
def test_usage_errors_exit_2(argv):
    with pytest.raises(SystemExit) as info:
        run(*argv)
    assert info.value.code == 2


def test_jsonl_stream_with_a_bad_record_goes_on(tmp_path):
    stream = tmp_path / "in.jsonl"
    records = [
        {"id": "a", "text": "Russia will likely recruit 300 men.", "published": "2025-04-27"},
        "not an object",
        {"id": "c", "text": 42},
        {"text": "On April 8 about 40 recruits arrived.", "outlet": "UNN", "published": "2025-04-27"},
    ]
    stream.write_text("\n".join(json.dumps(r) for r in records) + "\n{broken json\n", encoding="utf-8")
    code, out, err = run("parse", "--input-format", "jsonl", str(stream), "--jobs", "2")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [line["id"] for line in lines] == ["a", f"{stream}:2", "c", f"{stream}:4", f"{stream}:5"]
    assert [("error" in line) for line in lines] == [False, True, True, False, True]
    assert lines[3]["outlet"] == "UNN"
    assert "2 reports" in err and "3 errors" in err


def test_directories_are_walked_and_written_as_json_lines(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "one.txt").write_text("Russia will likely recruit.", encoding="utf-8")
    (tmp_path / "sub" / "two.txt").write_text("Russia will almost certainly recruit.", encoding="utf-8")
    (tmp_path / "skip.md").write_text("not a report", encoding="utf-8")
    code, out, err = run("parse", str(tmp_path))
    files = [json.loads(line)["file"] for line in out.splitlines()]
    assert code == 0 and [pathlib.Path(f).name for f in files] == ["one.txt", "two.txt"]
    assert "2 reports" in err


def test_bad_jobs_is_a_usage_error():
    code, _, err = run("parse", str(EXAMPLE), "--jobs", "0")
    assert code == 2 and "--jobs" in err
