"""Markdown export: escaping checked with a CommonMark parser, front matter, Obsidian tags,
persist markers, in-place re-export, safe file names, templates and their error messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.core.errors import UserError
from reader.core.export import Scope, TemplateError, export, preview
from reader.core.export.filenames import is_reserved, safe_stem, unique_name
from reader.core.export.markdown import front_matter_issue_id, merge_persisted, persisted_blocks
from reader.core.export.text import csv_cell, hashtag, md_escape, md_inline, obsidian_tag, yaml_scalar
from tests.core.test_export_support import ITEMS, NOW, annotated_library, check_golden, normalise

MD = MarkdownIt("commonmark")
MD.validateLink = lambda url: True  # markdown-it refuses file: links by default; Obsidian opens them
SPECIAL = list("*_#[]<>|`\\!-+=.)&;~$%^:/ ab1") + ["<b>", "</b>", "<!-- c -->", "&amp;", "&#35;", "**", "```"]


def inline_text(source: str, block: str) -> str:
    """The literal text CommonMark renders for ``source``, which must be exactly one ``block``
    (paragraph, heading, blockquote > paragraph) with only plain text inline."""
    tokens = MD.parse(source)
    opens = [t.type for t in tokens if t.nesting == 1]
    assert (
        opens
        == {
            "paragraph": ["paragraph_open"],
            "heading": ["heading_open"],
            "quote": ["blockquote_open", "paragraph_open"],
        }[block]
    ), (source, opens)
    [inline] = [t for t in tokens if t.type == "inline"]
    out = []
    for child in inline.children or []:
        assert child.type in ("text", "text_special", "softbreak"), (source, child.type)
        out.append("\n" if child.type == "softbreak" else child.content)
    return "".join(out)


@pytest.mark.parametrize(
    "text",
    [
        "a * b _c_ # [x](y) <b>bold</b> | `code` \\ end",
        "# not a heading",
        "- not a list",
        "1. not a list",
        "> not a quote",
        "<!-- comment -->",
        "&amp; &copy; &#35;",
        "==mark== $x$ %%c%% ^id",
        "***",
        "=",
        "[[wiki]] ![img](a.png) <http://x.y>",
        "2024) start",
        "+ plus",
        "~~~ fence",
        "``` fence",
    ],
)
def test_escaped_text_renders_literally(text: str) -> None:
    assert inline_text(md_escape(text), "paragraph") == text
    assert inline_text("## " + md_inline(text), "heading") == text
    assert inline_text("> " + md_escape(text), "quote") == text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SPECIAL), min_size=1, max_size=12).map("".join))
def test_escaping_property(text: str) -> None:
    expected = text.strip()
    if not expected:
        return
    assert inline_text(md_escape(text), "paragraph") == expected
    assert inline_text("## " + md_inline(text), "heading") == " ".join(text.split())
    assert inline_text("> " + md_escape(text), "quote") == expected


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(SPECIAL), min_size=1, max_size=6).map("".join).filter(lambda s: s.strip()),
        min_size=1,
        max_size=4,
    )
)
def test_multiline_escaping_keeps_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert inline_text(md_escape(text), "paragraph") == "\n".join(line.strip() for line in lines)


def test_obsidian_tags_and_yaml() -> None:
    assert obsidian_tag("region/North Sea") == "region/North-Sea"
    assert obsidian_tag(" a & b / / c ") == "a-b/c"
    assert obsidian_tag("2024") == "tag-2024"
    assert obsidian_tag("日本/京都") == "日本/京都"
    assert obsidian_tag("!!!") == "" and hashtag("!!!") == ""
    assert hashtag("R&D") == "#R-D"
    for raw in ["plain", 'quote " and \\ backslash', "line\nbreak", "next\u2028line", "tab\tx", "#tag: [a]"]:
        assert json.loads(yaml_scalar(raw)) == raw
        assert "\n" not in yaml_scalar(raw) and "\u2028" not in yaml_scalar(raw)
    assert yaml_scalar(None) == "null" and yaml_scalar(3) == "3"


def test_csv_cells_are_neutralised() -> None:
    for bad in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"]:
        assert csv_cell(bad) == "'" + bad
    assert csv_cell("plain") == "plain" and csv_cell(12) == 12 and csv_cell(None) is None


# ------------------------------------------------------------------------- file names
BAD_CHARS = set('<>:"/\\|?*#^[]') | {chr(c) for c in range(32)}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_title_gives_a_safe_name(tmp_path: Path, title: str) -> None:
    stem = safe_stem(title, fallback="issue-7")
    assert stem and not BAD_CHARS & set(stem)
    assert not stem.startswith(".") and not stem.endswith((".", " "))
    assert not is_reserved(stem) and len(stem.encode("utf-8")) <= 120
    name = unique_name(stem, ".md", {f"{stem}.md".lower()}, tag="7")
    target = tmp_path / name
    assert target.resolve().parent == tmp_path.resolve()
    target.write_text("x", encoding="utf-8")  # the OS accepts it
    target.unlink()


@pytest.mark.parametrize(
    "title", ["CON", "nul", "Com1", "LPT9.md", "..", "../../etc/passwd", "a/b\\c", " . ", "x" * 500]
)
def test_hostile_titles(title: str) -> None:
    stem = safe_stem(title, fallback="issue-1")
    assert not is_reserved(stem) and "/" not in stem and "\\" not in stem and stem not in ("", ".", "..")


def test_unique_names_ignore_case() -> None:
    taken = {"vol 2.md"}
    assert unique_name("Vol 2", ".md", taken, tag="9") == "Vol 2 (9).md"
    assert unique_name("Vol 2", ".md", taken | {"vol 2 (9).md"}, tag="9") == "Vol 2 (9-2).md"


# ------------------------------------------------------------------------- documents
@pytest.fixture
def lib_ids(tmp_path: Path):
    lib, ids = annotated_library(tmp_path / "lib", tmp_path)
    yield lib, ids
    lib.close()


def test_golden_markdown_and_rendered_text(lib_ids) -> None:
    lib, ids = lib_ids
    text = preview(lib, Scope(issue_ids=(ids["first"],)), "md", now=NOW)
    check_golden("issue.md", normalise(text, lib))
    head = text.split("\n---\n", 1)[0]
    assert (
        f"digest_reader_issue: {ids['first']}" in head
        and 'tags: ["energy", "region/North-Sea", "tag-2024"' in head
    )
    tokens = MD.parse(text.split("\n---\n", 1)[1])
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    rendered = [
        "".join(c.content for c in tokens[i + 1].children)
        for i, t in enumerate(tokens)
        if t.type == "heading_open"
    ]
    assert headings and f"1. {ITEMS[0][0]}" in rendered
    quotes = [
        "".join(c.content for c in tokens[i + 2].children)
        for i, t in enumerate(tokens)
        if t.type == "blockquote_open"
    ]
    assert "<Halvard> Cells #highlight/blue" in quotes
    assert any(q.startswith(ITEMS[1][0]) for q in quotes)
    paragraphs = [
        "".join(c.content for c in tokens[i + 1].children)
        for i, t in enumerate(tokens)
        if t.type == "paragraph_open" and tokens[i + 1].children is not None
    ]
    assert ITEMS[0][1] in paragraphs and f"3. {ITEMS[2][1]}" in rendered
    assert "— =SUM(A1) check *this*" in paragraphs
    assert f"digest-reader://open?item={ids['items'][0]}" in text and "#page=1" in text
    assert f"^item-{ids['items'][0]}" in text


def test_folder_export_updates_in_place_and_keeps_persisted_text(lib_ids, tmp_path: Path) -> None:
    lib, ids = lib_ids
    out = tmp_path / "vault"
    first = export(lib, Scope(), "md", out, now=NOW)
    assert first.created == 2 and sorted(p.name for p in out.iterdir()) == [
        "Energy Brief Vol 2.10.md",
        "Energy Brief Vol 2.11.md",
    ]
    path = out / "Energy Brief Vol 2.10.md"
    item = ids["items"][1]
    text = path.read_text(encoding="utf-8")
    marker = f"%% digest-reader:persist:item-{item} start %%\n"
    assert marker in text
    text = text.replace(marker, marker + "My own thoughts\n- with a list\n")
    issue_marker = f"%% digest-reader:persist:issue-{ids['first']} start %%\n"
    text = text.replace(issue_marker, issue_marker + "Issue thoughts\n")
    path.write_text(text, encoding="utf-8")
    renamed = out / "My renamed file.md"
    path.rename(renamed)
    lib.annotations.add_highlight(item, quote="offshore", color="yellow")
    again = export(lib, Scope(), "md", out, now=NOW)
    assert again.updated == 2 and again.created == 0
    assert sorted(p.name for p in out.iterdir()) == ["Energy Brief Vol 2.11.md", "My renamed file.md"]
    new = renamed.read_text(encoding="utf-8")
    assert marker + "My own thoughts\n- with a list\n%% digest-reader:persist:item-" in new
    assert "Issue thoughts\n" in new and "> offshore #highlight/yellow" in new
    assert front_matter_issue_id(new) == ids["first"]


def test_persisted_block_of_a_vanished_item_is_kept() -> None:
    old = "x\n%% digest-reader:persist:item-9 start %%\nkeep me\n%% digest-reader:persist:item-9 end %%\n"
    new = "y\n%% digest-reader:persist:item-1 start %%\n%% digest-reader:persist:item-1 end %%\n"
    merged = merge_persisted(new, persisted_blocks(old))
    assert (
        merged.startswith(new.rstrip("\n")) and "keep me" in merged and "Kept from earlier exports" in merged
    )
    assert persisted_blocks(merged) == {"item-1": "", "item-9": "keep me\n"}
    crlf = old.replace("\n", "\r\n")  # a file saved by a Windows editor
    assert persisted_blocks(crlf) == {"item-9": "keep me\r\n"}


def test_name_collisions_and_foreign_files(lib_ids, tmp_path: Path) -> None:
    lib, ids = lib_ids
    out = tmp_path / "vault"
    out.mkdir()
    (out / "Energy Brief Vol 2.10.md").write_text("the user's own file\n", encoding="utf-8")
    export(lib, Scope(), "md", out, now=NOW)
    assert (out / "Energy Brief Vol 2.10.md").read_text(encoding="utf-8") == "the user's own file\n"
    assert (out / f"Energy Brief Vol 2.10 ({ids['first']}).md").exists()


def test_single_file_and_scope_errors(lib_ids, tmp_path: Path) -> None:
    lib, ids = lib_ids
    one = export(lib, Scope(issue_ids=(ids["second"],)), "md", tmp_path / "one.md", now=NOW)
    assert one.paths == [tmp_path / "one.md"] and "Port levy" in (tmp_path / "one.md").read_text("utf-8")
    with pytest.raises(UserError, match="give a folder"):
        export(lib, Scope(), "md", tmp_path / "all.md")
    with pytest.raises(UserError, match="nothing to export"):
        export(lib, Scope(tag="no-such-tag"), "md", tmp_path / "x")
    with pytest.raises(UserError, match="not a date"):
        export(lib, Scope(since="last week"), "md", tmp_path / "x")
    with pytest.raises(UserError, match="files/"):
        export(lib, Scope(), "md", lib.files_dir / "x")
    with pytest.raises(UserError, match="unknown export format"):
        export(lib, Scope(), "docx", tmp_path / "x")


def test_scopes(lib_ids) -> None:
    from reader.core.export import gather

    lib, ids = lib_ids

    def items(scope: Scope) -> list[int]:
        return [it.id for issue in gather(lib, scope) for it in issue.items]

    everything = items(Scope())
    assert len(everything) == 4 and everything[0] == lib.items(ids["second"])[0].id  # newest first
    assert items(Scope(tag="energy")) == ids["items"][:2]
    assert items(Scope(tag="region/*")) == ids["items"][:1]
    assert items(Scope(query="auction")) == [ids["items"][1]]
    assert items(Scope(item_ids=(ids["items"][2],))) == [ids["items"][2]]
    assert items(Scope(since="2024-03-05")) == [lib.items(ids["second"])[0].id]
    assert items(Scope(until="2024-03-01", tag="energy")) == ids["items"][:2]
    assert items(Scope(briefing=True)) == ids["items"][:2]


def test_briefing_groups_by_tag_then_series(lib_ids, tmp_path: Path) -> None:
    lib, ids = lib_ids
    result = export(lib, Scope(since="2024", until="2024-12-31", briefing=True), "md", tmp_path, now=NOW)
    [path] = result.paths
    assert path.name == "Briefing 2024 to 2024-12-31.md"
    text = path.read_text(encoding="utf-8")
    check_golden("briefing.md", normalise(text, lib))
    sections = [line for line in text.splitlines() if line.startswith("## ")]
    assert sections == ["## 2024", "## energy", "## region/North Sea"]
    assert text.count("#### Wind auction results") == 1 and text.count("#### Grid operator signs") == 3


# ------------------------------------------------------------------------- templates
def test_user_template_and_default_escaping(lib_ids, tmp_path: Path) -> None:
    lib, ids = lib_ids
    tpl = tmp_path / "mine.md.j2"
    tpl.write_text(
        "{% for item in items %}* {{ item.headline }} / {{ item.headline|raw }}"
        " / {{ item.headline|upper|md }}\n"
        "{% endfor %}",
        encoding="utf-8",
    )
    text = preview(lib, Scope(issue_ids=(ids["first"],)), "md", template=tpl)
    assert text.splitlines()[0] == (
        "* Grid operator signs \\*storage\\* deal / Grid operator signs *storage* deal / "
        "GRID OPERATOR SIGNS \\*STORAGE\\* DEAL"
    )


@pytest.mark.parametrize(
    "source, line, words",
    [
        ("ok\n{{ issue.id }}\n{% for x in items %}\nno end\n", 4, "syntax error"),
        ("line one\n{{ issue.id }}\n\n{{ issue.no_such_thing }}\n", 4, "undefined"),
        ("a\nb\n{{ nothing_here }}\n", 3, "undefined"),
        ("{{ issue.__class__.__mro__ }}\n", 1, ""),
        ("x\n{{ 1 / 0 }}\n", 2, "ZeroDivisionError"),
    ],
)
def test_template_errors_have_line_numbers(
    lib_ids, tmp_path: Path, source: str, line: int, words: str
) -> None:
    lib, ids = lib_ids
    tpl = tmp_path / "bad.md.j2"
    tpl.write_text(source, encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        export(lib, Scope(issue_ids=(ids["first"],)), "md", tmp_path / "out", template=tpl)
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"template bad.md.j2, line {line}: "), message
    assert words in message
    assert not (tmp_path / "out").exists()


def test_template_file_problems(lib_ids, tmp_path: Path) -> None:
    lib, _ = lib_ids
    with pytest.raises(UserError, match="cannot read template"):
        export(lib, Scope(), "md", tmp_path / "o", template=tmp_path / "missing.j2")
    with pytest.raises(UserError, match="Markdown export only"):
        export(lib, Scope(), "csv", tmp_path / "o.csv", template=tmp_path / "missing.j2")


def test_docs_name_every_template_variable_and_filter() -> None:
    import dataclasses

    from reader.core.export import ExportHighlight, ExportIssue, ExportItem
    from reader.core.export.templates import make_environment

    docs = (Path(__file__).resolve().parents[2] / "docs" / "templates.md").read_text(encoding="utf-8")
    hidden = {"annotation", "annotations", "rects"}
    for record in (ExportIssue, ExportItem, ExportHighlight):
        for f in dataclasses.fields(record):
            assert f.name in hidden or f"`{f.name}`" in docs, f"{record.__name__}.{f.name} undocumented"
    env = make_environment()
    ours = {"md", "md_inline", "raw", "quote", "yaml", "yaml_list", "yaml_date", "tag", "hashtag"}
    assert ours <= set(env.filters)
    for name in ours | {"persist"}:
        assert f"`{name}`" in docs or f"`{name}(" in docs, name
