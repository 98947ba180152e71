"""Search subcommands through the installed entry point: search with operators, saved, rules,
entities, related, timeline, follow/news."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import run_cli

SAMPLES = Path(__file__).resolve().parents[2] / "sample_issues"


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = str(tmp_path_factory.mktemp("cli-search") / "lib")
    query = 'series:"Pacific Tech" semiconductor*'
    rule = run_cli("--library", folder, "rules", "add", query, "--tag", "chips")
    assert rule.returncode == 0, rule.stderr
    pdfs = [str(SAMPLES / f"{n}.pdf") for n in ("pacific-tech-41", "pacific-tech-43", "grid-pipe-2-10")]
    proc = run_cli("--library", folder, "import", *pdfs, "--keep-backups", "0", "--json")
    assert proc.returncode == 0, proc.stderr
    return folder


def cli(lib: str, *args: str):
    return run_cli("--library", lib, *args)


def test_search_with_operators_and_cjk(lib: str) -> None:
    hits = json.loads(cli(lib, "search", "tag:chips", "--json").stdout)
    assert [h["headline"] for h in hits] == ["Chip subsidy round favours Kumamoto suppliers"]
    proc = cli(lib, "search", "佐藤")
    assert proc.returncode == 0 and "[佐藤]" in proc.stdout
    assert cli(lib, "search", "--count", "series:grid").stdout.strip() == "4"


def test_unknown_operator_is_one_clear_line(lib: str) -> None:
    proc = cli(lib, "search", "chips foo:bar")
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.startswith("digest-reader: error: unknown operator 'foo:'")
    assert len(proc.stderr.strip().splitlines()) == 1


def test_highlight_search(lib: str) -> None:
    item = json.loads(cli(lib, "search", "佐藤", "--json").stdout)[0]["item_id"]
    assert cli(lib, "highlight", str(item), "--color", "green").returncode == 0
    found = json.loads(cli(lib, "search", "type:highlights color:green", "--json").stdout)
    assert [h["item_id"] for h in found] == [item] and found[0]["color"] == "green"


def test_saved_searches(lib: str) -> None:
    assert cli(lib, "saved", "add", "Ministry", "経済産業省").returncode == 0
    assert cli(lib, "saved", "add", "Grid", "series:grid", "--position", "0").returncode == 0
    listed = json.loads(cli(lib, "saved", "list", "--json").stdout)
    assert [(s["name"], s["count"]) for s in listed] == [("Grid", 4), ("Ministry", 2)]
    assert cli(lib, "saved", "rename", "Grid", "Energy").returncode == 0
    assert cli(lib, "saved", "move", "Energy", "1").returncode == 0
    proc = cli(lib, "saved")
    assert proc.stdout.splitlines()[0].startswith("0. Ministry [2]")
    run = json.loads(cli(lib, "saved", "run", "Ministry", "--json").stdout)
    assert len(run) == 2
    assert cli(lib, "saved", "delete", "Energy").returncode == 0
    bad = cli(lib, "saved", "add", "Bad", "is:sleepy")
    assert bad.returncode == 1 and "is:" in bad.stderr


def test_rules_listing_and_errors(lib: str) -> None:
    listed = json.loads(cli(lib, "rules", "list", "--json").stdout)
    assert listed[0]["action"] == "tag" and listed[0]["argument"] == "chips"
    assert cli(lib, "rules", "add", "x").returncode == 2  # an action is required (usage error)
    assert cli(lib, "rules", "delete", "99").returncode == 1


def test_entities_facets_and_reindex(lib: str) -> None:
    people = json.loads(cli(lib, "entities", "--kind", "person", "--json").stdout)
    names = {p["name"] for p in people}
    assert {"佐藤 健", "Fiona Calloway"} <= names
    places = json.loads(cli(lib, "entities", "--kind", "place", "--query", "series:pacific", "--json").stdout)
    assert "Leeds" not in {p["name"] for p in places}
    proc = cli(lib, "entities", "--reindex")
    assert proc.returncode == 0 and "extracted entities from" in proc.stdout
    assert json.loads(cli(lib, "entities", "--kind", "person", "--json").stdout) == people


def test_related_and_timeline(lib: str) -> None:
    item = json.loads(cli(lib, "search", "Kumamoto suppliers", "--json").stdout)[0]["item_id"]
    related = json.loads(cli(lib, "related", str(item), "--json").stdout)
    assert related and related[0]["label"] == "No. 43" and "経済産業省" in related[0]["shared"]
    proc = cli(lib, "timeline", "経済産業省")
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0 and lines[0].startswith("2026-03-05") and lines[1].startswith("2026-03-19")
    assert cli(lib, "related", "999999").returncode == 1


def test_follow_and_news(lib: str) -> None:
    assert cli(lib, "follow", "Osaka", "大阪").returncode == 0
    news = json.loads(cli(lib, "news", "--since", "2000-01-01", "--json").stdout)
    assert [n["saved"]["name"] for n in news] == ["Osaka"] and len(news[0]["items"]) == 2
    assert json.loads(cli(lib, "news", "--json").stdout)[0]["items"] == []  # nothing since following
    assert cli(lib, "follow", "Osaka", "--off").returncode == 0
    assert "no followed searches" in cli(lib, "news").stdout
