"""The page pane driven with real mouse events: zoom, fit, click-to-item, show_item, links,
thumbnails, and a page that never finishes rendering while the widget stays responsive."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QDesktopServices, QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.app.pages import PagePane
from reader.app.pages.view import COULD_NOT_RENDER_TEXT
from reader.core.model import ItemRect
from reader.core.render import TEST_HOOK_ENV

WEB = "https://example.org/ferry-timetable"


def make_pdf(path: Path, pages: int = 3) -> Path:
    """Three A4 pages with text; page 1 has a web link, an internal link and a script link."""
    import pymupdf

    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 100), f"Harbour council notes, page {n + 1}", fontsize=14)
    first = doc[0]
    first.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 400, 272, 420), "uri": WEB})
    first.insert_link(
        {
            "kind": pymupdf.LINK_GOTO,
            "from": pymupdf.Rect(72, 500, 272, 520),
            "page": pages - 1,
            "to": pymupdf.Point(0, 0),
        }
    )
    first.insert_link(
        {"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 600, 272, 620), "uri": "javascript:app.alert(1)"}
    )
    doc.save(path)
    doc.close()
    return path


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "notes.pdf")


def open_pane(qtbot, deadline: float = 20.0) -> PagePane:
    pane = PagePane(deadline=deadline, workers=1)
    qtbot.addWidget(pane)
    pane.resize(900, 700)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


@pytest.fixture
def pane(qtbot):
    widget = open_pane(qtbot)
    yield widget
    widget.shutdown()


def wait_ready(qtbot, pane: PagePane, page: int = 1) -> None:
    qtbot.waitUntil(lambda: pane.page_state(page) == "ready", timeout=20000)


def test_renders_visible_page_crisp_at_device_pixel_ratio(qtbot, pane: PagePane, pdf: Path) -> None:
    pane.set_document(pdf, 3)
    wait_ready(qtbot, pane)
    assert pane.page_count == 3
    pixmap, state = pane.page_image(0, pane.zoom, pane.view.dpr())
    assert state == "ready"
    assert pixmap.devicePixelRatio() == pane.view.dpr()
    assert abs(pixmap.width() - 595 * pane.zoom * pane.view.dpr()) <= 1
    assert pane.fit_mode == "width"  # the default


def test_zoom_buttons_ctrl_wheel_and_fit_width(qtbot, pane: PagePane, pdf: Path) -> None:
    pane.set_document(pdf, 3)
    wait_ready(qtbot, pane)
    zoomed: list[float] = []
    pane.zoom_changed.connect(zoomed.append)
    start = pane.zoom
    qtbot.mouseClick(pane.toolbar.widgetForAction(pane.action_zoom_in), Qt.MouseButton.LeftButton)
    assert pane.zoom > start and pane.fit_mode == ""
    assert not pane.action_fit_width.isChecked()
    bigger = pane.zoom
    qtbot.mouseClick(pane.toolbar.widgetForAction(pane.action_zoom_out), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pane.toolbar.widgetForAction(pane.action_zoom_out), Qt.MouseButton.LeftButton)
    assert pane.zoom < bigger
    smaller = pane.zoom

    vp = pane.view.viewport()
    pos = QPointF(100, 100)
    wheel = QWheelEvent(
        pos,
        vp.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(vp, wheel)
    assert pane.zoom > smaller

    qtbot.mouseClick(pane.toolbar.widgetForAction(pane.action_fit_width), Qt.MouseButton.LeftButton)
    assert pane.fit_mode == "width" and pane.action_fit_width.isChecked()
    assert pane.zoom == pytest.approx((vp.width() - 20) / 595, rel=1e-6)
    qtbot.mouseClick(pane.toolbar.widgetForAction(pane.action_fit_page), Qt.MouseButton.LeftButton)
    assert pane.fit_mode == "page"
    assert 842 * pane.zoom <= vp.height()
    assert len(zoomed) >= 5
    wait_ready(qtbot, pane)
    pane.zoom = 1.5  # the window restores a saved zoom this way
    assert pane.zoom == 1.5 and pane.fit_mode == ""
    stand_in, state = pane.page_image(0, pane.zoom, pane.view.dpr())
    assert state == "pending" and stand_in is not None  # another zoom's image, stretched meanwhile
    wait_ready(qtbot, pane)


def test_results_for_a_document_no_longer_shown_are_dropped(qtbot, pane: PagePane, tmp_path: Path) -> None:
    old = make_pdf(tmp_path / "old.pdf", pages=2)
    new = make_pdf(tmp_path / "new.pdf", pages=4)
    pane.set_document(old, 2)
    pane.set_document(new, 1)
    wait_ready(qtbot, pane)
    qtbot.waitUntil(lambda: len(pane.cache) >= 2, timeout=20000)  # thumbnails too
    assert pane.page_count == 4
    assert {key.document for key in pane.cache} == {str(new)}
    pane.set_document(old, 2)
    wait_ready(qtbot, pane)
    assert pane.page_count == 2


def test_click_on_page_activates_item_under_the_point(qtbot, pane: PagePane, pdf: Path) -> None:
    pane.set_document(pdf, 3)
    pane.set_item_rects(
        [
            (7, ItemRect(1, (72, 80, 400, 110))),
            (8, ItemRect(1, (72, 150, 400, 300))),
            (9, ItemRect(2, (72, 80, 400, 110))),
        ]
    )
    wait_ready(qtbot, pane)
    clicks: list[tuple] = []
    pane.item_clicked_at.connect(lambda *args: clicks.append(args))
    point = pane.view.point_in_viewport(0, 200, 200)
    with qtbot.waitSignal(pane.item_activated, timeout=2000) as blocker:
        qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [8]
    page, x, y = clicks[-1]
    assert page == 1
    assert x == pytest.approx(200, abs=2) and y == pytest.approx(200, abs=2)
    # A click outside every item reports the point but activates nothing.
    with qtbot.assertNotEmitted(pane.item_activated):
        qtbot.mouseClick(
            pane.view.viewport(), Qt.MouseButton.LeftButton, pos=pane.view.point_in_viewport(0, 500, 700)
        )
    assert clicks[-1][0] == 1


def test_show_item_scrolls_to_and_outlines_its_rects(qtbot, pane: PagePane, pdf: Path) -> None:
    pane.set_document(pdf, 3)
    wait_ready(qtbot, pane)
    pane.zoom = 1.5
    rects = [ItemRect(3, (100, 600, 400, 640)), ItemRect(3, (100, 650, 400, 690))]
    pane.show_item(rects)
    view = pane.view
    assert view.verticalScrollBar().value() > 0
    shown = view.page_rect_in_viewport(2, rects[0].rect)
    assert view.viewport().rect().contains(shown.toRect())
    assert view.highlights == [(2, r.rect) for r in rects]
    assert pane.current_page() in (2, 3)
    qtbot.waitUntil(lambda: pane.page_state(3) == "ready", timeout=20000)


def test_show_item_before_sizes_arrive_scrolls_once_they_do(qtbot, pane: PagePane, pdf: Path) -> None:
    pane.set_document(pdf, 1)  # the library may not know better; real sizes come from the renderer
    pane.show_item([ItemRect(3, (100, 700, 400, 740))])
    qtbot.waitUntil(lambda: pane.page_count == 3, timeout=20000)
    shown = pane.view.page_rect_in_viewport(2, (100, 700, 400, 740))
    assert pane.view.viewport().rect().contains(shown.toRect())


def test_thumbnail_model_and_page_list_navigation(qtbot, qtmodeltester, pane: PagePane, pdf: Path) -> None:
    pane.set_document(pdf, 3)
    wait_ready(qtbot, pane)
    qtmodeltester.check(pane.thumbnails)
    model = pane.thumbnails
    assert model.rowCount() == 3
    assert model.index(1, 0).data() == "2"
    qtbot.waitUntil(lambda: pane.cache.bytes_used > 0 and len(pane.cache) >= 2, timeout=20000)
    rect = pane.page_list.visualRect(model.index(2, 0))
    qtbot.mouseClick(pane.page_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: pane.current_page() == 3, timeout=2000)
    pane.set_document(None, 0)
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_web_link_is_shown_on_hover_and_opened_only_after_confirming(
    qtbot, pane: PagePane, pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))

    def question(parent, title, text, *args):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    pane.set_document(pdf, 3)
    wait_ready(qtbot, pane)
    qtbot.waitUntil(lambda: 0 in pane._links, timeout=20000)
    link_point = pane.view.point_in_viewport(0, 150, 410)

    with qtbot.waitSignal(pane.status_message, timeout=2000) as hover:
        qtbot.mouseMove(pane.view.viewport(), link_point)
    assert hover.args == [WEB]
    assert pane.view.viewport().toolTip() == WEB
    assert pane.view.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor

    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=link_point)
    assert len(asked) == 1 and WEB in asked[0]
    assert opened == []  # the user said Cancel
    answer[0] = QMessageBox.StandardButton.Open
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=link_point)
    assert opened == [WEB]


def test_script_links_are_never_opened_and_internal_links_jump(
    qtbot, pane: PagePane, pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("must not offer to open"))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))
    pane.set_document(pdf, 3)
    wait_ready(qtbot, pane)
    qtbot.waitUntil(lambda: 0 in pane._links, timeout=20000)
    qtbot.mouseClick(
        pane.view.viewport(), Qt.MouseButton.LeftButton, pos=pane.view.point_in_viewport(0, 150, 610)
    )
    assert opened == [] and len(told) == 1 and "javascript:" in told[0]
    qtbot.mouseClick(
        pane.view.viewport(), Qt.MouseButton.LeftButton, pos=pane.view.point_in_viewport(0, 150, 510)
    )
    assert pane.current_page() == 3


def test_missing_or_broken_file_shows_could_not_render(qtbot, pane: PagePane, tmp_path: Path) -> None:
    pane.set_document(tmp_path / "gone.pdf", 2)
    qtbot.waitUntil(lambda: pane.page_state(1) == "failed", timeout=20000)
    assert pane.page_state(2) == "failed" and pane.page_count == 2
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    pane.set_document(broken, 1)
    qtbot.waitUntil(lambda: pane.page_state(1) == "failed", timeout=20000)


def _responsive_until_failed(qtbot, pane: PagePane) -> int:
    ticks = [0]
    timer = QTimer(pane)
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    timer.start(20)
    qtbot.waitUntil(lambda: pane.page_state(1) == "failed", timeout=20000)
    timer.stop()
    return ticks[0]


def test_page_that_hangs_shows_could_not_render_and_window_stays_responsive(
    qtbot, pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TEST_HOOK_ENV, "hang:0")
    pane = open_pane(qtbot, deadline=1.0)
    try:
        pane.zoom = 0.5  # all three pages visible at once
        pane.set_document(pdf, 3)
        ticks = _responsive_until_failed(qtbot, pane)
        assert ticks >= 10  # the event loop kept running while the worker hung
        qtbot.waitUntil(
            lambda: pane.page_state(2) == "ready" and pane.page_state(3) == "ready", timeout=20000
        )
        assert pane.page_state(1) == "failed"
        image = pane.view.viewport().grab().toImage()
        assert not image.isNull()
        assert COULD_NOT_RENDER_TEXT == "Could not render this page"
        assert pane.renderer.restarts >= 1
    finally:
        pane.shutdown()


def test_real_pdf_whose_first_page_never_renders(qtbot, corpus_dir: Path) -> None:
    path = corpus_dir / "pymupdf__test_2548.pdf"
    if not path.exists():
        pytest.skip("pymupdf__test_2548.pdf not in the corpus")
    pane = open_pane(qtbot, deadline=1.5)
    try:
        pane.set_document(path, 15)
        ticks = _responsive_until_failed(qtbot, pane)
        assert ticks >= 10
        qtbot.keyClick(pane.view, Qt.Key.Key_End)  # still takes input
        assert pane.view.verticalScrollBar().value() > 0
    finally:
        pane.shutdown()


def test_big_zoom_renders_only_visible_tiles(qtbot, pane: PagePane, tmp_path: Path) -> None:
    import pymupdf

    from reader.app.pages.pane import TILE_ABOVE_PIXELS

    path = tmp_path / "poster.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=1200, height=1600)
    for n in range(30):
        page.insert_text((40, 50 + n * 50), f"Depot survey line {n + 1}", fontsize=30)
    doc.save(path)
    doc.close()
    pane.set_document(path, 1)
    wait_ready(qtbot, pane)
    pane.zoom = 4.0
    dpr = pane.view.dpr()
    assert 1200 * 1600 * (4.0 * dpr) ** 2 > TILE_ABOVE_PIXELS
    wait_ready(qtbot, pane)
    tiles = [key for key in pane.cache if key.tile is not None]
    assert tiles and all(key.zoom == 4.0 for key in tiles)
    assert not any(key.tile is None and key.zoom == 4.0 for key in pane.cache)  # never the whole page
    tile_bytes = sum(4 * 1024 * 1024 for _ in tiles)
    assert tile_bytes < 1200 * 1600 * 16 * dpr * dpr * 4 / 4  # far less than the whole page
    pane.view.verticalScrollBar().setValue(pane.view.verticalScrollBar().maximum() // 2)
    qtbot.waitUntil(lambda: pane.page_state(1) == "ready", timeout=20000)
    assert len([key for key in pane.cache if key.tile is not None]) > len(tiles)
    # The exact tiles cover every corner of the visible part of the page.
    visible = pane.view.visible_region(0)
    pieces, state = pane.page_pieces(0, pane.zoom, dpr, visible)
    assert state == "ready" and all(exact for *_, exact in pieces)
    x0, y0, x1, y1 = visible
    for px, py in ((x0, y0), (x1 - 1, y0), (x0, y1 - 1), (x1 - 1, y1 - 1), ((x0 + x1) / 2, (y0 + y1) / 2)):
        assert any(
            x <= px < x + pm.width() / dpr and y <= py < y + pm.height() / dpr for pm, x, y, _ in pieces
        ), (px, py)


def test_rotated_page_outlines_and_clicks_the_item_where_its_text_is_shown(
    qtbot, pane: PagePane, tmp_path: Path
) -> None:
    import pymupdf

    from tests.core.test_render_rotation import make_rotated_pdf, text_bbox

    pdf = make_rotated_pdf(tmp_path / "rotated.pdf")
    index = 1  # the page with /Rotate 90
    bbox = text_bbox(pdf, index)
    with pymupdf.open(pdf) as doc:  # where PyMuPDF itself puts that text on the rotated page
        page = doc[index]
        expected = tuple(pymupdf.Rect(bbox) * page.rotation_matrix)
    item = ItemRect(index + 1, bbox)
    pane.set_document(pdf, 4)
    pane.set_item_rects([(5, item)])
    qtbot.waitUntil(lambda: pane.page_count == 4 and pane.view.page_layout.sizes[index] == (842, 595),
                    timeout=20000)
    pane.show_item([item])
    pane.set_highlights([(item, QColor(255, 220, 0, 90))])
    ((page_no, shown),) = pane.view.highlights
    assert page_no == index and shown == pytest.approx(expected, abs=0.01)
    assert [(p, r) for p, r, _c in pane.view.marks] == [(index, shown)]
    # a click on the text as displayed selects the item; the same numbers unrotated do not
    cx, cy = (expected[0] + expected[2]) / 2, (expected[1] + expected[3]) / 2
    pane.view.ensure_visible(index, expected)
    with qtbot.waitSignal(pane.item_activated, timeout=2000) as blocker:
        qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=pane.view.point_in_viewport(index, cx, cy))
    assert blocker.args == [5]
    ux, uy = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
    assert pane.item_at(index + 1, ux, uy) is None


def test_thumbnails_of_portrait_and_landscape_pages_are_the_same_size(
    qtbot, pane: PagePane, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSize

    from reader.app.pages.thumbnails import THUMB_HEIGHT, THUMB_WIDTH
    from tests.core.test_render_rotation import make_rotated_pdf

    pane.set_document(make_rotated_pdf(tmp_path / "rotated.pdf"), 4)  # portrait, landscape, ...
    box = QSize(THUMB_WIDTH, THUMB_HEIGHT)
    model = pane.page_list.model()

    def sizes() -> list[QSize]:
        icons = [model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole) for row in range(4)]
        return [icon.actualSize(box) for icon in icons]

    def landscape_thumbnail_rendered() -> bool:
        icon = model.data(model.index(1, 0), Qt.ItemDataRole.DecorationRole)
        image = icon.pixmap(box).toImage()
        # rendered: the landscape page sits centred, clear canvas above it (the grey
        # placeholder fills its whole box)
        return image.pixelColor(image.width() // 2, 2).alpha() == 0

    qtbot.waitUntil(landscape_thumbnail_rendered, timeout=20000)
    assert sizes()[:2] == [box, box]
    image = model.data(model.index(1, 0), Qt.ItemDataRole.DecorationRole).pixmap(box).toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).lightness() > 200  # the page
