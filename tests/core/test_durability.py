"""Durability: every write the service acknowledged survives a SIGKILL of the writing process.

A child process writes annotations in a loop and prints one JSON line per write *after* the
call returned (flushing). The test reads some acknowledgements, kills the child with SIGKILL
while it is still writing, reopens the library and checks that every acknowledged write is
there and that ``PRAGMA integrity_check`` says ok.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.core.library import Library
from tests.core.test_library_support import Store

WRITER = textwrap.dedent(
    """
    import json, sys
    from reader.core.library import Library
    from reader.core.annotations import COLORS

    lib = Library.open(sys.argv[1], create=False)
    a = lib.annotations
    items = [int(x) for x in sys.argv[2].split(",")]
    n = 0
    while True:
        item = items[n % len(items)]
        step = n % 3
        if step == 0:
            [rec] = a.add_highlight(item, color=COLORS[n % 5], comment=f"comment {n}").after
            ack = {"kind": "highlight", "id": rec.id, "comment": rec.comment}
        elif step == 1:
            [rec] = a.tag_items([item], [f"tag{n}"]).after
            ack = {"kind": "tag", "id": rec.id, "tag": rec.tag}
        else:
            [rec] = a.set_note(item, f"note {n}").after
            ack = {"kind": "note", "id": rec.id, "item": item, "n": n}
        sys.stdout.write(json.dumps(ack) + "\\n")
        sys.stdout.flush()
        n += 1
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_acknowledged_writes_survive_sigkill(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    with Library.open(folder) as lib:
        issue = Store(lib, tmp_path)(items=[(f"Headline {n}", f"Body text {n}.") for n in range(5)])
        items = [i.id for i in lib.items(issue)]
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), ",".join(map(str, items))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    acks: list[dict] = []
    try:
        for line in proc.stdout:  # type: ignore[union-attr]
            acks.append(json.loads(line))
            if len(acks) >= 120:
                break
        assert len(acks) >= 120, proc.stderr.read()  # type: ignore[union-attr]
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    acks += [json.loads(line) for line in rest.splitlines() if line.endswith("}")]

    with Library.open(folder, create=False) as lib:
        assert lib.integrity_check() == "ok"
        a = lib.annotations
        for ack in acks:
            if ack["kind"] == "highlight":
                assert a.get(ack["id"]).comment == ack["comment"]
            elif ack["kind"] == "tag":
                assert a.get(ack["id"]).tag == ack["tag"]
        last_note: dict[int, int] = {}
        for ack in acks:
            if ack["kind"] == "note":
                last_note[ack["item"]] = ack["n"]
        for item, n in last_note.items():
            # the acknowledged note, or one written after it that committed before the kill
            assert int(a.note(item).split()[1]) >= n
        # the library still works for writes after the crash
        assert a.add_highlight(items[0]).after
