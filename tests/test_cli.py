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
    assert len(errors) == 2 and "missing.txt" in errors[0] and "latin1.txt" in errors[1]


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
