"""Fuzzing restore with crafted backup archives (Hypothesis): member types,
names, sizes and headers. Whatever the archive, a restore succeeds or fails
with one clear line (a ParleyError), never a traceback, and the data
folder's existing content is unchanged (issue 27)."""

from __future__ import annotations

import shutil
import tarfile
from pathlib import Path

import pytest
from backup_helpers import DATABASE, MANIFEST, folder_state, members, practice, write_archive
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.errors import ParleyError
from app.store.backup import backup, restore

pytestmark = pytest.mark.timeout(120)

KINDS = [tarfile.REGTYPE, tarfile.SYMTYPE, tarfile.LNKTYPE, tarfile.DIRTYPE, tarfile.FIFOTYPE,
         tarfile.CHRTYPE]
NAMES = st.sampled_from([DATABASE, MANIFEST, "audio/1/0000-learner.wav", "audio/1/9-x.wav",
                         "audio/../../escape.wav", "/etc/passwd", "audio/", "forget.key", ""])
# What to do with one member of a sound backup.
CHANGES = st.one_of(
    st.just(("keep",)), st.just(("drop",)),
    st.tuples(st.just("kind"), st.sampled_from(KINDS)),
    st.tuples(st.just("cut"), st.integers(0, 64)),
    st.tuples(st.just("bytes"), st.binary(max_size=64)),
    st.tuples(st.just("sparse"), st.sampled_from([1 << 20, 1 << 30, 1 << 40])),
    st.tuples(st.just("rename"), NAMES),
)
EXTRA = st.tuples(NAMES, st.sampled_from(KINDS), st.binary(max_size=32))
DAMAGE = st.none() | st.tuples(st.integers(0, 40_000), st.binary(min_size=1, max_size=16))


@pytest.fixture(scope="module")
def sound(tmp_path_factory) -> Path:
    """A folder with a sound backup and a data folder in use (copied per example)."""
    folder = tmp_path_factory.mktemp("fuzz")
    practice(folder / "source", sessions=1, turns=2)
    backup(folder / "source", folder / "sound.tar")
    practice(folder / "home", sessions=1, turns=1)
    return folder


def _changed(info: tarfile.TarInfo, data: bytes | None, change: tuple) -> list:
    info = tarfile.TarInfo(info.name) if change[0] != "keep" else info
    info.mode = 0o600
    match change:
        case ("keep",):
            return [(info, data)]
        case ("drop",):
            return []
        case ("kind", kind):
            info.type = kind
            info.linkname = MANIFEST if kind in (tarfile.SYMTYPE, tarfile.LNKTYPE) else ""
            return [(info, data if kind == tarfile.REGTYPE else None)]
        case ("cut", size):
            return [(info, (data or b"")[:size])]
        case ("bytes", raw):
            return [(info, raw)]
        case ("sparse", declared):
            info.pax_headers = {"GNU.sparse.size": str(declared), "GNU.sparse.map": "0,12",
                                "GNU.sparse.name": info.name}
            return [(info, b"RIFF\0\0\0\0WAVE")]
        case ("rename", name):
            info.name = name
            return [(info, data)]
    raise AssertionError(change)


def _archive(path: Path, sound: list, changes: list, extras: list, damage) -> Path:
    entries = [new for (info, data), change in zip(sound, changes + [("keep",)] * len(sound))
               for new in _changed(info, data, change)]
    for name, kind, data in extras:
        entries += _changed(tarfile.TarInfo(name), data, ("kind", kind))
    write_archive(path, entries)
    if damage is not None:
        offset, raw = damage
        data = bytearray(path.read_bytes())
        offset %= len(data)
        data[offset:offset + len(raw)] = raw
        path.write_bytes(bytes(data))
    return path


def _kept(before: dict, after: dict) -> bool:
    """Every file is as it was, and every row of the database still there."""
    for name, content in before.items():
        if name == DATABASE:
            # Counters and the full-text index's own pages change as rows are added.
            rows = {line for line in content
                    if "sqlite_sequence" not in line and "turns_fts" not in line}
            if not rows <= set(after.get(name, ())):
                return False
        elif after.get(name) != content:
            return False
    return True


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(changes=st.lists(CHANGES, max_size=8), extras=st.lists(EXTRA, max_size=3), damage=DAMAGE)
@example(changes=[("keep",), ("kind", tarfile.SYMTYPE)], extras=[], damage=None)
@example(changes=[("keep",), ("keep",), ("sparse", 1 << 30)], extras=[], damage=None)
@example(changes=[("keep",), ("bytes", b"SQLite format 3\0")], extras=[], damage=None)
@example(changes=[("kind", tarfile.DIRTYPE)], extras=[], damage=None)
@example(changes=[], extras=[], damage=(0, b"\x00"))  # found: a multi-line tarfile error
@example(changes=[], extras=[], damage=(2048 + 512 * 3 + 148, b"99999"))
def test_any_archive_restores_or_fails_in_one_line(tmp_path_factory, sound, changes, extras,
                                                   damage):
    folder = tmp_path_factory.mktemp("example")
    home = folder / "home"
    shutil.copytree(sound / "home", home)
    archive = _archive(folder / "fuzzed.tar", members(sound / "sound.tar"), changes, extras,
                       damage)
    before = folder_state(home)
    try:
        restore(home, archive)
    except ParleyError as error:
        assert "\n" not in str(error) and str(error)
    assert _kept(before, folder_state(home))
    assert not [p for p in home.iterdir() if p.name.startswith((".restore-", ".backup-"))]
    shutil.rmtree(folder)
