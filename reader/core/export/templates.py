"""Jinja2 templates for Markdown export: the sandboxed environment, filters, and error messages.

User templates run in Jinja2's :class:`~jinja2.sandbox.SandboxedEnvironment` (no access to
Python internals or files) with :class:`~jinja2.StrictUndefined` (a misspelt variable is an
error, not silently empty). Autoescaping is off (this is Markdown, not HTML); instead every
:class:`~reader.core.export.data.UserText` value printed with ``{{ }}`` is Markdown-escaped by
the environment's ``finalize`` hook, so PDF and user text comes out literally unless a template
asks for ``|raw``. Any template problem becomes :class:`TemplateError` with one line naming the
template and the line: ``template my.md.j2, line 7: 'item' has no attribute 'titel'``.

Templates are compiled once per environment and cached (:func:`load_template`).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from reader.core.errors import UserError
from reader.core.export.data import (
    BriefingGroup,
    BriefingSeries,
    ExportHighlight,
    ExportIssue,
    ExportItem,
    UserText,
)
from reader.core.export.text import (
    block_quote,
    hashtag,
    md_escape,
    md_inline,
    obsidian_tag,
    yaml_date,
    yaml_list,
    yaml_scalar,
)
from reader.core.paths import resources_dir

PERSIST_START = "%% digest-reader:persist:{key} start %%"
PERSIST_END = "%% digest-reader:persist:{key} end %%"
DEFAULT_TEMPLATES = ("issue.md.j2", "briefing.md.j2")


class TemplateError(UserError):
    """A template that does not compile or fails while rendering (one line with its line number)."""


def templates_dir() -> Path:
    """Where the default templates ship (``resources/templates``)."""
    return resources_dir() / "templates"


def _finalize(value: Any) -> Any:
    return md_escape(value) if isinstance(value, UserText) else value


def _raw(value: Any) -> str:
    return str.__str__(value) if isinstance(value, str) else str(value)


def _quote(value: Any) -> str:
    text = md_escape(value) if isinstance(value, UserText) else str(value)
    return block_quote(text)


def persist(key: Any) -> str:
    """An empty persist block for ``key``; re-export fills it with what the user wrote there."""
    k = str(key)
    return f"{PERSIST_START.format(key=k)}\n{PERSIST_END.format(key=k)}"


class _ExportEnvironment(SandboxedEnvironment):
    """The sandbox, with a fast path for the export's own plain records: their public
    attributes are data, so the sandbox's per-lookup checks (a third of the render time for
    10,000 items) are skipped for them; everything else goes through the full checks."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) in _RECORDS and not attribute.startswith("_"):
            try:
                return getattr(obj, attribute)
            except AttributeError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


_RECORDS = frozenset({ExportIssue, ExportItem, ExportHighlight, BriefingGroup, BriefingSeries})


def make_environment() -> SandboxedEnvironment:
    """The sandboxed environment with the export filters and globals (see docs/templates.md)."""
    env = _ExportEnvironment(
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        auto_reload=False,
    )
    env.filters.update(
        md=md_escape,
        md_inline=md_inline,
        raw=_raw,
        quote=_quote,
        yaml=yaml_scalar,
        yaml_list=yaml_list,
        yaml_date=yaml_date,
        tag=obsidian_tag,
        hashtag=hashtag,
    )
    env.globals.update(persist=persist)
    return env


@functools.lru_cache(maxsize=1)
def default_environment() -> SandboxedEnvironment:
    return make_environment()


def load_template(
    path: str | os.PathLike[str] | None = None, *, name: str = "issue.md.j2"
) -> jinja2.Template:
    """A compiled template: the user's file at ``path``, else the default ``name``.

    Raises TemplateError (syntax error, with line number) or UserError (file unreadable).
    """
    env = default_environment()
    if path is None:
        try:
            return env.get_template(name)
        except jinja2.TemplateError as exc:  # a broken shipped template is a bug, but say so clearly
            raise template_error(exc, name) from None
    source_path = Path(path).expanduser()
    try:
        source = source_path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot read template {source_path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:  # has no strerror
        raise UserError(f"cannot read template {source_path}: not UTF-8 text") from None
    return _compile(env, source, str(source_path))


@functools.lru_cache(maxsize=16)
def _compile_cached(source: str, filename: str) -> jinja2.Template:
    env = default_environment()
    try:
        code = env.compile(source, name=Path(filename).name, filename=filename)
    except jinja2.TemplateSyntaxError as exc:
        raise template_error(exc, filename) from None
    return env.template_class.from_code(env, code, env.make_globals(None), None)


def _compile(env: SandboxedEnvironment, source: str, filename: str) -> jinja2.Template:
    return _compile_cached(source, filename)


def template_from_string(source: str, filename: str = "<template>") -> jinja2.Template:
    """Compile template text (e.g. from a dialog's editor); TemplateError on a syntax error."""
    return _compile(default_environment(), source, filename)


def template_error(exc: BaseException, filename: str | None, lineno: int | None = None) -> TemplateError:
    """One-line TemplateError for any exception raised by compiling or rendering a template."""
    name = Path(filename).name if filename and not filename.startswith("<") else (filename or "template")
    line = getattr(exc, "lineno", None) or lineno
    if isinstance(exc, jinja2.TemplateSyntaxError):
        what = f"syntax error: {exc.message}"
    elif isinstance(exc, jinja2.UndefinedError):
        what = f"undefined: {exc.message}"
    elif isinstance(exc, jinja2.exceptions.SecurityError):
        what = f"not allowed: {exc}"
    else:
        what = f"{type(exc).__name__}: {exc}"
    where = f", line {line}" if line else ""
    return TemplateError(" ".join(f"template {name}{where}: {what}".split()))


def render(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render with every failure turned into a one-line TemplateError (with line number)."""
    try:
        return template.render(context)
    except TemplateError:
        raise
    except Exception as exc:  # noqa: BLE001 - user templates may fail in any way
        if isinstance(exc, jinja2.TemplateSyntaxError):
            raise template_error(exc, exc.filename or template.filename) from None
        line = _line_from_traceback(exc, template)
        raise template_error(exc, template.filename or template.name, line) from None


def _line_from_traceback(exc: BaseException, template: jinja2.Template) -> int | None:
    """Jinja rewrites tracebacks so frames of the template carry template line numbers."""
    filename = template.filename or "<template>"
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in (filename, "<template>"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


__all__ = [
    "PERSIST_END",
    "PERSIST_START",
    "TemplateError",
    "default_environment",
    "load_template",
    "make_environment",
    "persist",
    "render",
    "template_error",
    "template_from_string",
    "templates_dir",
]
