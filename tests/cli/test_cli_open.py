"""``digest-reader FILE.pdf`` and ``digest-reader://open?item=ID``: parsing and dispatch (no Qt)."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from reader import cli
from reader.app.links import (
    BadLinkError,
    OpenRequest,
    OpenTarget,
    parse_link,
    parse_open_argument,
    resolve,
    split_open_arguments,
)
from reader.core.errors import UserError
from reader.core.library import Library


@pytest.mark.parametrize(
    ("link", "target"),
    [
        ("digest-reader://open?item=12", OpenTarget("item", ident=12)),
        ("digest-reader://open?issue=3", OpenTarget("issue", ident=3)),
        ("DIGEST-READER://open/?item=7", OpenTarget("item", ident=7)),
        ("digest-reader:open?item=5", OpenTarget("item", ident=5)),
        ("digest-reader:///open?issue=9", OpenTarget("issue", ident=9)),
    ],
)
def test_links_are_parsed(link: str, target: OpenTarget) -> None:
    assert parse_link(link) == target


@pytest.mark.parametrize(
    "link",
    ["digest-reader://open", "digest-reader://open?item=abc", "digest-reader://open?item=0",
     "digest-reader://delete?item=1", "digest-reader://open?page=2"],
)
def test_bad_links_get_one_line(link: str) -> None:
    with pytest.raises(BadLinkError) as info:
        parse_link(link)
    assert "\n" not in str(info.value)


def test_open_argument_is_a_file_or_link_never_a_command(tmp_path: Path, monkeypatch) -> None:
    pdf = tmp_path / "issue.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    (tmp_path / "list").write_text("a file named like a command")
    monkeypatch.chdir(tmp_path)
    assert parse_open_argument(str(pdf)) == OpenTarget("file", path=pdf.resolve())
    assert parse_open_argument("issue.pdf") == OpenTarget("file", path=pdf.resolve())
    assert parse_open_argument(pdf.as_uri()) == OpenTarget("file", path=pdf)
    assert parse_open_argument("list", cli.COMMANDS) is None
    assert parse_open_argument("missing.pdf") is None
    assert parse_open_argument(str(tmp_path)) is None  # a folder is not opened


def test_split_reads_past_global_options(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    got = split_open_arguments(["--library", "L", "-v", str(pdf), "digest-reader://open?item=2"],
                               cli.COMMANDS)
    assert got is not None
    assert got.rest == ("--library", "L", "-v")
    assert got.targets == (OpenTarget("file", path=pdf.resolve()), OpenTarget("item", ident=2))
    assert split_open_arguments(["--library", "L", "list"], cli.COMMANDS) is None
    assert split_open_arguments(["--library", "L"], cli.COMMANDS) is None
    with pytest.raises(UserError, match="no such file: nope.pdf"):
        split_open_arguments(["nope.pdf"], cli.COMMANDS)


def test_resolve_imports_once_then_opens_the_existing_issue(tmp_path: Path, samples_dir: Path) -> None:
    pdf = samples_dir / "pacific-tech-41.pdf"
    with Library.open(tmp_path / "lib") as lib:
        first = resolve(lib, OpenTarget("file", path=pdf))
        assert first.error is None and first.imported and first.issue_id is not None
        again = resolve(lib, OpenTarget("file", path=pdf))
        assert again == OpenRequest(issue_id=first.issue_id)
        assert lib.count_issues() == 1
        item = lib.items(first.issue_id)[1]
        assert resolve(lib, OpenTarget("item", ident=item.id)) == OpenRequest(first.issue_id, item.id)
        assert resolve(lib, OpenTarget("issue", ident=first.issue_id)) == OpenRequest(first.issue_id)
        assert resolve(lib, OpenTarget("item", ident=999)).error == "no item 999 in this library"
        assert resolve(lib, OpenTarget("issue", ident=999)).error == "no issue 999 in this library"


def test_resolve_reports_a_file_that_is_not_a_pdf(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.pdf"
    bogus.write_text("not a pdf at all")
    with Library.open(tmp_path / "lib") as lib:
        request = resolve(lib, OpenTarget("file", path=bogus))
    assert request.issue_id is None and request.error and "\n" not in request.error


def test_cli_without_window_prints_and_exits(tmp_path: Path, samples_dir: Path, capsys) -> None:
    lib = str(tmp_path / "lib")
    pdf = str(samples_dir / "fieldnote-17.pdf")
    assert cli.main(["--library", lib, "--no-window", pdf]) == 0
    assert capsys.readouterr().out == "issue 1\n"
    assert cli.main(["--library", lib, "--no-window", pdf]) == 0  # duplicate: same issue
    assert capsys.readouterr().out == "issue 1\n"
    with Library.open(lib) as library:
        item_id = library.items(1)[2].id
    assert cli.main(["--library", lib, "--no-window", f"digest-reader://open?item={item_id}"]) == 0
    assert capsys.readouterr().out == f"issue 1 item {item_id}\n"
    assert cli.main(["--library", lib, "--no-window", "digest-reader://open?item=4242"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == "digest-reader: error: no item 4242 in this library\n"
    assert cli.main(["--library", lib, "digest-reader://nowhere"]) == 1
    assert "expected digest-reader://open?item=ID" in capsys.readouterr().err
    assert cli.main(["--library", lib, "missing.pdf"]) == 1
    assert capsys.readouterr().err == "digest-reader: error: no such file: missing.pdf\n"


def test_cli_hands_the_request_to_the_window(monkeypatch, tmp_path: Path, samples_dir: Path, capsys) -> None:
    calls: list[tuple[Path, OpenRequest | None]] = []
    fake = types.ModuleType("reader.app.main")
    fake.run = lambda library_dir, open_request=None: calls.append((library_dir, open_request)) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "reader.app.main", fake)
    lib = tmp_path / "lib"
    assert cli.main(["--library", str(lib), str(samples_dir / "fieldnote-18.pdf")]) == 0
    assert calls == [(lib, OpenRequest(issue_id=1, imported=True))]
    # an unknown item still opens the window, which shows the message
    assert cli.main(["--library", str(lib), "digest-reader://open?item=777"]) == 0
    assert calls[-1] == (lib, OpenRequest(error="no item 777 in this library"))
    assert "no item 777" in capsys.readouterr().err


def test_links_module_does_not_import_qt() -> None:
    code = ("import sys, reader.app.links, reader.core.logs, reader.cli; "
            "assert 'PySide6' not in sys.modules, 'PySide6 imported'")
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ})
