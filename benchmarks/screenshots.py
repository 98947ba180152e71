"""Save PNG screenshots of the reader window into docs/screenshots/ (offscreen, widget.grab()).

Imports the bundled sample issues into a fresh library under benchmarks/out/, opens one in the
window, and saves the light and dark looks (plus the first-run welcome view). Used by the
README; re-run after visual changes and look at the images.

    python benchmarks/screenshots.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "docs" / "screenshots"
LIB_DIR = ROOT / "benchmarks" / "out" / "screenshot-library"
SIZE = (1280, 800)


def settle(app, seconds: float) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def build_library():  # noqa: ANN201
    from reader.core import paths
    from reader.core.importer import import_paths
    from reader.core.library import Library

    shutil.rmtree(LIB_DIR, ignore_errors=True)
    lib = Library.open(LIB_DIR)
    outcomes = import_paths(lib, [paths.bundled_samples_dir()])
    failed = [o for o in outcomes if o.outcome != "imported"]
    if failed:
        print("not imported:", [(o.path, o.reason) for o in failed], file=sys.stderr)
    return lib


def save(widget, name: str) -> Path:  # noqa: ANN001
    from PySide6.QtGui import QImage

    target = OUT_DIR / name
    image = widget.grab().toImage()
    image.save(str(target), "PNG", 0)  # 0 = smallest file
    if target.stat().st_size > 280 * 1024:
        # 256 colours are plenty for a UI shot and keep the file under 300 KB.
        image.convertToFormat(QImage.Format.Format_Indexed8).save(str(target), "PNG", 0)
    print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} KB")
    return target


def main() -> None:
    os.environ["DIGEST_READER_CONFIG_DIR"] = tempfile.mkdtemp(prefix="screens-config-")
    from reader.app import theme
    from reader.app.main import create_application
    from reader.app.service import LibraryService
    from reader.app.settings import Settings
    from reader.app.window import MainWindow
    from reader.core.library import Library

    app = create_application()
    OUT_DIR.mkdir(parents=True, exist_ok=True)

    # First run: the welcome view on an empty library.
    theme.apply_theme(app, "light")
    empty = Library.open(Path(tempfile.mkdtemp(prefix="screens-empty-")))
    window = MainWindow(LibraryService(empty), Settings())
    window.resize(*SIZE)
    window.show()
    settle(app, 0.3)
    save(window, "welcome.png")
    window.close()
    empty.close()

    lib = build_library()
    service = LibraryService(lib)
    issues = service.list_issues()
    chosen = next((i for i in issues if i.item_count >= 4
                   and all(item.headline for item in service.items(i.id))), issues[0])
    for look in ("light", "dark"):
        settings = Settings()
        settings.last_issue_id = chosen.id
        theme.apply_theme(app, look)
        window = MainWindow(service, settings)
        window.resize(*SIZE)
        window.main_splitter.setSizes([250, 1030])
        window.content_splitter.setSizes([540, 490])
        window.show()
        settle(app, 0.3)
        window.reading.next_item()  # the second item current, the first already read
        settle(app, 3.0)  # let the page pane render
        save(window, f"reader-{look}.png")
        if look == "light":
            window.focus_search()
            window.search.field.setText("port OR grid")
            window.search.run_search()
            settle(app, 0.5)
            save(window, "search-light.png")
        window.close()
        settle(app, 0.2)
    annotated(app, service, chosen)
    service.close()


def annotated(app, service, issue) -> None:  # noqa: ANN001
    """Highlights (whole item and a phrase, with a comment), tags, a note and the note panel."""
    from reader.app import theme
    from reader.app.settings import Settings
    from reader.app.window import MainWindow

    theme.apply_theme(app, "light")
    settings = Settings()
    settings.last_issue_id = issue.id
    window = MainWindow(service, settings)
    window.resize(*SIZE)
    window.show()
    settle(app, 0.3)
    items = service.items(issue.id)
    ann = window.annotator
    ann.highlight(items[0].id, color="yellow")
    text = items[1].headline + "\n" + items[1].body
    words = items[1].body.split()
    phrase = " ".join(words[3:9])
    start = text.find(phrase)
    change = ann.highlight(items[1].id, color="green", start=start, end=start + len(phrase))
    if change:
        ann.set_comment(change.after[0].id, "Check the figures against last week's issue.")
    ann.tag_items([items[0].id, items[1].id], ["briefing/energy"])
    ann.tag_items([items[1].id], ["follow-up"])
    window.reading.set_current_item(items[1].id)
    window.toggle_notes()
    window.note_panel.editor.setPlainText(
        "**Ask** the council for the *tender* documents.\n\n- timeline\n- costs")
    window.note_panel.save()
    window.main_splitter.setSizes([250, 1030])
    window.content_splitter.setSizes([430, 330, 270])
    settle(app, 3.0)
    save(window, "annotated-light.png")
    window.close()
    settle(app, 0.2)


if __name__ == "__main__":
    main()
