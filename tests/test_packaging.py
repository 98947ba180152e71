"""Packaging: the wheel and sdist carry the samples and resources; desktop files are valid;
the icon exists in every size; the user guide's shortcut table matches the code."""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An sdist, and a wheel built from that sdist (``python -m build``; needs the build package)."""
    out = tmp_path_factory.mktemp("dist")
    # (run from outside the checkout: pip leaves a build/ folder there that would pass for the
    # build package)
    probe = subprocess.run([sys.executable, "-c", "import build.__main__"], cwd=out, capture_output=True)
    if probe.returncode != 0:
        pytest.skip("the build package is not installed (packaging/ci-check.sh builds the wheel in CI)")
    # build from a copy without the work folders, as a clean clone would be
    src = tmp_path_factory.mktemp("src") / "project"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".git", ".venv", "dist", "build", "*.egg-info", "__pycache__", ".pytest_cache", "benchmarks"))
    result = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(src)],
                            capture_output=True, text=True, timeout=300, cwd=out)
    if result.returncode != 0:
        pytest.fail("python -m build failed:\n" + result.stdout[-3000:] + result.stderr[-3000:])
    assert "is absent from the `packages` configuration" not in result.stdout + result.stderr
    return {"wheel": next(out.glob("*.whl")), "sdist": next(out.glob("*.tar.gz"))}


def test_wheel_carries_samples_resources_and_icons(dists: dict[str, Path]) -> None:
    names = set(zipfile.ZipFile(dists["wheel"]).namelist())
    samples = sorted((ROOT / "sample_issues").glob("*.pdf"))
    assert samples
    for pdf in samples:
        assert f"reader/samples/{pdf.name}" in names
        assert f"reader/samples/{pdf.stem}.expected.json" in names
    assert "reader/samples/README.md" in names
    for path in (ROOT / "resources").rglob("*"):
        if path.is_file():
            assert "reader/resources/" + path.relative_to(ROOT / "resources").as_posix() in names
    for size in SIZES:
        assert f"reader/resources/icons/digest-reader-{size}.png" in names
    assert "reader/cli.py" in names and "reader/app/links.py" in names


def test_sdist_has_everything_needed_to_build(dists: dict[str, Path]) -> None:
    with tarfile.open(dists["sdist"]) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    for needed in ("setup.py", "pyproject.toml", "README.md", "LICENSE", "reader/__init__.py",
                   "sample_issues/README.md", "resources/icons/digest-reader.svg",
                   "resources/templates/issue.md.j2"):
        assert needed in names, needed
    assert {p.name for p in (ROOT / "sample_issues").glob("*.pdf")} <= {
        Path(n).name for n in names if n.startswith("sample_issues/")}


def test_desktop_file_opens_pdfs_and_links() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(PACKAGING / "digest-reader.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name"] == "Digest Reader"
    assert entry["Exec"].split()[0] == "digest-reader" and entry["Exec"].endswith("%u")
    mimes = set(filter(None, entry["MimeType"].split(";")))
    assert mimes == {"application/pdf", "x-scheme-handler/digest-reader"}
    assert entry["Icon"] == "digest-reader"
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(PACKAGING / "digest-reader.desktop")], check=True)


def test_metainfo_is_valid() -> None:
    path = PACKAGING / "io.github.digestreader.DigestReader.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.findtext("id") == "io.github.digestreader.DigestReader"
    assert root.findtext("project_license") == "AGPL-3.0-or-later"
    assert root.findtext("launchable") == "digest-reader.desktop"
    if shutil.which("appstreamcli"):
        result = subprocess.run(["appstreamcli", "validate", "--no-net", str(path)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_icon_svg_and_every_png_size() -> None:
    import pymupdf

    with pymupdf.open(ICONS / "digest-reader.svg") as doc:
        assert doc[0].rect.width == doc[0].rect.height == 512
    for size in SIZES:
        pix = pymupdf.Pixmap(str(ICONS / f"digest-reader-{size}.png"))
        assert (pix.width, pix.height, pix.alpha) == (size, size, 1)


def test_spec_and_scripts_name_files_that_exist() -> None:
    spec = (PACKAGING / "digest-reader.spec").read_text(encoding="utf-8")
    assert "digest_reader_main.py" in spec and (PACKAGING / "digest_reader_main.py").exists()
    assert "freeze_support()" in (PACKAGING / "digest_reader_main.py").read_text(encoding="utf-8")
    for script in ("build-linux.sh", "check-app.sh", "ci-check.sh", "install-desktop.sh"):
        path = PACKAGING / script
        assert path.stat().st_mode & 0o111, f"{script} is not executable"
        subprocess.run(["bash", "-n", str(path)], check=True)


def test_user_guide_shortcut_table_matches_the_code() -> None:
    gen = _load("gen_shortcuts_doc", PACKAGING / "gen_shortcuts_doc.py")
    guide = (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")
    assert gen.replace_block(guide, gen.shortcuts_markdown()) == guide, (
        "docs/user-guide.md shortcut table is out of date: run python packaging/gen_shortcuts_doc.py --write")
    from reader.app.shortcuts import SHORTCUTS

    for shortcut in SHORTCUTS:
        assert shortcut.text.replace("|", "\\|") in guide


def test_user_guide_links_point_to_existing_files() -> None:
    import re

    guide = (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", guide):
        if "://" not in target:
            assert (ROOT / "docs" / target).resolve().exists(), target


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height of PNG bytes, decoded by Qt (not read from the container's header)."""
    from PySide6.QtGui import QImage

    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not PNG data"
    image = QImage.fromData(data, "PNG")
    assert not image.isNull()
    assert image.hasAlphaChannel()
    return image.width(), image.height()


def test_windows_ico_holds_every_size_as_png() -> None:
    import struct

    data = (ICONS / "digest-reader.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind, count) == (0, 1, 7)
    end_of_directory = 6 + 16 * count
    sizes, next_offset = [], end_of_directory
    for n in range(count):
        width, height, colours, zero, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * n)
        declared = (width or 256, height or 256)
        assert (colours, zero, planes, bits) == (0, 0, 1, 32)
        assert offset == next_offset, "entries must be packed in order after the directory"
        png = data[offset:offset + length]
        assert len(png) == length
        assert _png_size(png) == declared
        sizes.append(declared[0])
        next_offset = offset + length
    assert next_offset == len(data)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
    for size in set(sizes) & set(SIZES):  # made from the committed PNGs, not a second render
        entry = sizes.index(size)
        length, offset = struct.unpack_from("<II", data, 6 + 16 * entry + 8)
        assert data[offset:offset + length] == (ICONS / f"digest-reader-{size}.png").read_bytes()


def test_windows_ico_loads_in_qt(qapp) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon, QImage, QImageReader

    path = str(ICONS / "digest-reader.ico")
    assert QImageReader(path).format() == b"ico" and QImageReader(path).imageCount() == 7
    assert QImage(path).width() in (16, 256)  # first or largest entry, depending on the plug-in
    icon = QIcon(path)
    assert not icon.isNull()
    assert QSize(256, 256) in icon.availableSizes() and QSize(16, 16) in icon.availableSizes()
    assert icon.pixmap(48, 48).width() == 48


ICNS_PIXELS = {"icp4": 16, "icp5": 32, "icp6": 64, "ic07": 128, "ic08": 256, "ic09": 512,
               "ic10": 1024, "ic11": 32, "ic12": 64, "ic13": 256, "ic14": 512}


def test_macos_icns_chunks_are_pngs_of_their_declared_size(qapp) -> None:
    import struct

    from PySide6.QtGui import QImageReader

    data = (ICONS / "digest-reader.icns").read_bytes()
    magic, total = struct.unpack_from(">4sI", data, 0)
    assert magic == b"icns" and total == len(data)
    offset, kinds = 8, []
    while offset < len(data):
        kind, length = struct.unpack_from(">4sI", data, offset)
        assert length > 8 and offset + length <= len(data)
        kind_name = kind.decode("ascii")
        side = ICNS_PIXELS[kind_name]
        png = data[offset + 8:offset + length]
        assert _png_size(png) == (side, side), kind_name
        if side in SIZES:
            assert png == (ICONS / f"digest-reader-{side}.png").read_bytes(), kind_name
        kinds.append(kind_name)
        offset += length
    assert offset == len(data)
    assert sorted(kinds) == sorted(ICNS_PIXELS)
    reader = QImageReader(str(ICONS / "digest-reader.icns"))
    assert reader.format() == b"icns" and reader.imageCount() == len(ICNS_PIXELS)


def test_icon_container_writers_lay_out_headers_and_refuse_oversized_ico_entries() -> None:
    render_icons = _load("render_icons", PACKAGING / "render_icons.py")
    images = {size: (ICONS / f"digest-reader-{size}.png").read_bytes() for size in (16, 32, 256)}
    ico = render_icons.ico_bytes(images)
    assert ico[:6] == b"\0\0\1\0\3\0" and len(ico) == 6 + 48 + sum(map(len, images.values()))
    icns = render_icons.icns_bytes([("icp4", images[16]), ("ic08", images[256])])
    assert icns[:4] == b"icns" and icns[8:12] == b"icp4"
    with pytest.raises(ValueError):
        render_icons.ico_bytes({512: b""})


def _run_spec(platform: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[tuple[tuple, dict]]]:
    """Execute digest-reader.spec as PyInstaller would on ``platform``, with PyInstaller's
    build classes replaced by recorders; returns the calls made to each."""
    import types

    calls: dict[str, list[tuple[tuple, dict]]] = {}

    def recorder(name: str):
        def record(*args, **kwargs):
            calls.setdefault(name, []).append((args, kwargs))
            return types.SimpleNamespace(pure=[], scripts=[], binaries=[], datas=[], name=name)
        return record

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: [package]
    for name, module in (("PyInstaller", types.ModuleType("PyInstaller")),
                         ("PyInstaller.utils", types.ModuleType("PyInstaller.utils")),
                         ("PyInstaller.utils.hooks", hooks)):
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(sys, "platform", platform)
    namespace = {"SPECPATH": str(PACKAGING), "__name__": "__main__",
                 **{name: recorder(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}}
    spec = PACKAGING / "digest-reader.spec"
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)  # noqa: S102
    return calls


def test_spec_uses_the_ico_on_windows_and_no_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _run_spec("win32", monkeypatch)
    (_args, exe), = calls["EXE"]
    assert Path(exe["icon"]) == ICONS / "digest-reader.ico" and Path(exe["icon"]).is_file()
    assert exe["console"] is True
    assert "BUNDLE" not in calls


def test_spec_bundles_the_macos_app_with_document_and_url_types(monkeypatch: pytest.MonkeyPatch) -> None:
    import plistlib

    from reader import __version__
    from reader.app.links import SCHEME

    calls = _run_spec("darwin", monkeypatch)
    (_args, exe), = calls["EXE"]
    assert Path(exe["icon"]) == ICONS / "digest-reader.icns" and Path(exe["icon"]).is_file()
    assert exe["argv_emulation"] is False  # QFileOpenEvent handles launch files and links
    (args, bundle), = calls["BUNDLE"]
    assert args[0].name == "COLLECT"  # a one-folder app bundle, not a one-file one
    assert bundle["name"] == "Digest Reader.app"
    assert bundle["icon"] == exe["icon"]
    assert bundle["bundle_identifier"] == "io.github.digestreader.DigestReader"
    assert bundle["version"] == __version__
    plist = plistlib.loads(plistlib.dumps(bundle["info_plist"]))  # only plist-able values
    assert plist["CFBundleIdentifier"] == "io.github.digestreader.DigestReader"
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == __version__
    (document,) = plist["CFBundleDocumentTypes"]
    assert document["LSItemContentTypes"] == ["com.adobe.pdf"]
    assert document["CFBundleTypeRole"] == "Viewer"
    assert document["LSHandlerRank"] == "Alternate"  # offered in Open With, not the default
    (url_type,) = plist["CFBundleURLTypes"]
    assert url_type["CFBundleURLSchemes"] == [SCHEME] == ["digest-reader"]
    assert url_type["CFBundleURLName"]


def test_spec_on_linux_has_no_icon_file_and_no_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _run_spec("linux", monkeypatch)
    (_args, exe), = calls["EXE"]
    assert exe["icon"] is None and exe["console"] is True
    assert "BUNDLE" not in calls
