"""Opening things from outside: ``digest-reader FILE.pdf`` and ``digest-reader://`` links.

The parsing and resolving half is plain Python (no Qt is imported here, so the CLI and tests use
it without a display):

- :func:`parse_open_argument` tells whether a command-line argument is something to open (an
  existing file, a ``file://`` URL, or a ``digest-reader://open?item=ID`` / ``?issue=ID`` link);
- :func:`resolve` turns it into an :class:`OpenRequest` (issue id, item id) against a library,
  importing the PDF first when it is not there yet (a duplicate just opens the existing issue);
- :func:`apply_to_window` shows the request in a ``MainWindow`` (imports Qt lazily), or the
  request's one-line error in the status bar and a dialog.

Link grammar: ``digest-reader://open?item=ID`` or ``digest-reader://open?issue=ID`` (also
``digest-reader:open?...`` and ``digest-reader:///open?...``, which some desktops produce), IDs
being positive whole numbers; anything else is a :class:`BadLinkError`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from reader.core.errors import NotFoundError, UserError

SCHEME = "digest-reader"
log = logging.getLogger(__name__)


class BadLinkError(UserError):
    """A ``digest-reader:`` link that does not say what to open."""


@dataclass(frozen=True)
class OpenTarget:
    """What the user asked to open: ``kind`` is "file", "item" or "issue"."""

    kind: str
    path: Path | None = None
    ident: int | None = None


@dataclass(frozen=True)
class OpenRequest:
    """What the window should show: an issue (and item), or ``error`` (a one-line message)."""

    issue_id: int | None = None
    item_id: int | None = None
    error: str | None = None
    imported: bool = False


def is_link(text: str) -> bool:
    """True for anything in the ``digest-reader:`` scheme (well-formed or not)."""
    return text.lower().startswith(SCHEME + ":")


def parse_link(text: str) -> OpenTarget:
    """``digest-reader://open?item=12`` -> ``OpenTarget("item", ident=12)``; BadLinkError else."""
    parts = urlsplit(text.strip())
    if parts.scheme.lower() != SCHEME:
        raise BadLinkError(f"not a {SCHEME}: link: {text}")
    action = (parts.netloc or parts.path.strip("/")).lower()
    if parts.netloc and parts.path.strip("/"):
        action = f"{parts.netloc}/{parts.path.strip('/')}".lower()
    if action != "open":
        raise BadLinkError(f"unknown link {text!r}: expected {SCHEME}://open?item=ID or ?issue=ID")
    query = parse_qs(parts.query)
    for kind in ("item", "issue"):
        if kind in query:
            value = query[kind][0].strip()
            if not value.isdigit() or int(value) < 1:
                raise BadLinkError(f"bad {kind} id in link {text!r}: {value!r} is not a positive number")
            return OpenTarget(kind, ident=int(value))
    raise BadLinkError(f"link {text!r} names nothing to open: add ?item=ID or ?issue=ID")


def parse_open_argument(arg: str, commands: Any = ()) -> OpenTarget | None:
    """The target if ``arg`` (a first positional argument) is a link or an existing file.

    Names in ``commands`` (the CLI's subcommands) are never taken as files, so a file called
    ``list`` in the current folder does not hijack ``digest-reader list``. Raises BadLinkError
    for a malformed ``digest-reader:`` link; returns None for anything else.
    """
    if is_link(arg):
        return parse_link(arg)
    if arg in commands or arg.startswith("-"):
        return None
    if arg.lower().startswith("file://"):
        path = Path(unquote(urlsplit(arg).path))
        return OpenTarget("file", path=path) if path.is_file() else None
    path = Path(arg).expanduser()
    if path.is_file():
        return OpenTarget("file", path=path.resolve())
    return None


@dataclass(frozen=True)
class OpenArguments:
    """A command line that opens things: the targets, and the global options left for argparse."""

    targets: tuple[OpenTarget, ...]
    rest: tuple[str, ...]


def split_open_arguments(argv: Any, commands: Any = (),
                         value_options: tuple[str, ...] = ("--library",)) -> OpenArguments | None:
    """``argv`` split into open targets and the rest, if its first positional is a target.

    Positional arguments are read past global options (``value_options`` take a value). Returns
    None when the first positional is a subcommand or no target (argparse then handles it); every
    positional after a target must be a target too (``digest-reader a.pdf b.pdf``). A missing
    ``*.pdf`` gives a one-line UserError instead of argparse's "invalid choice".
    """
    targets: list[OpenTarget] = []
    rest: list[str] = []
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            positionals = args[i + 1:]
            break
        if arg.startswith("-"):
            rest.append(arg)
            if arg in value_options and i + 1 < len(args):
                rest.append(args[i + 1])
                i += 1
            i += 1
            continue
        positionals = args[i:]
        break
    else:
        return None
    if not positionals:
        return None
    for n, arg in enumerate(positionals):
        target = parse_open_argument(arg, commands)
        if target is None:
            if n == 0 and arg not in commands and arg.lower().endswith(".pdf"):
                raise UserError(f"no such file: {arg}")
            if n == 0:
                return None
            raise UserError(f"cannot open {arg!r}: not a file or a {SCHEME}:// link")
        targets.append(target)
    return OpenArguments(tuple(targets), tuple(rest))


def resolve(library: Any, target: OpenTarget, *, password: str | None = None,
            timeout: float = 60.0) -> OpenRequest:
    """Find (or import) what ``target`` names in ``library``; never raises a UserError.

    A file already in the library (same SHA-256) opens its issue; a new one is imported in a
    worker process first. Unknown ids and failed imports come back as ``OpenRequest.error``.
    """
    try:
        if target.kind == "item":
            try:
                item = library.get_item(target.ident)
            except NotFoundError:
                return OpenRequest(error=f"no item {target.ident} in this library")
            return OpenRequest(issue_id=item.issue_id, item_id=item.id)
        if target.kind == "issue":
            try:
                issue = library.get_issue(target.ident)
            except NotFoundError:
                return OpenRequest(error=f"no issue {target.ident} in this library")
            return OpenRequest(issue_id=issue.id)
        assert target.path is not None
        return _resolve_file(library, target.path, password=password, timeout=timeout)
    except UserError as exc:
        return OpenRequest(error=" ".join(str(exc).split()))


def _resolve_file(library: Any, path: Path, *, password: str | None, timeout: float) -> OpenRequest:
    from reader.core.importer import import_paths
    from reader.core.library import file_sha256

    try:
        existing = library.issue_id_for_sha256(file_sha256(path))
    except OSError as exc:
        return OpenRequest(error=f"cannot read {path}: {exc.strerror or exc}")
    if existing is not None:
        log.info("open %s: already in the library as issue %s", path, existing)
        return OpenRequest(issue_id=existing)
    outcomes = import_paths(library, [path], jobs=1, password=password, timeout=timeout)
    if not outcomes:
        return OpenRequest(error=f"not a PDF file: {path}")
    outcome = outcomes[0]
    if outcome.outcome in ("imported", "duplicate") and outcome.issue_id is not None:
        log.info("open %s: %s as issue %s", path, outcome.outcome, outcome.issue_id)
        return OpenRequest(issue_id=outcome.issue_id, imported=outcome.outcome == "imported")
    return OpenRequest(error=f"could not import {path.name}: {outcome.reason or outcome.outcome}")


def apply_to_window(window: Any, request: OpenRequest, *, dialog: bool = True) -> bool:
    """Show ``request`` in ``window`` (a MainWindow); an error goes to the status bar and, with
    ``dialog``, a warning box. Returns True when something was opened."""
    if request.error or request.issue_id is None:
        message = request.error or "nothing to open"
        log.warning("open: %s", message)
        window.statusBar().showMessage(message, 10000)
        if dialog:
            from PySide6.QtCore import QCoreApplication
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(window, QCoreApplication.translate("OpenFiles", "Digest Reader"), message)
        return False
    if request.imported:
        window.service.notify_issues_changed()
    if request.item_id is not None:
        window.open_hit(request.item_id, request.issue_id)
    else:
        if not window.sidebar.select_issue(request.issue_id) or window.reading.issue is None \
                or window.reading.issue.id != request.issue_id:
            window.open_issue(request.issue_id)
    return True
