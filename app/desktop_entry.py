"""An app-menu entry on Linux: ``python -m app install-desktop-entry``.

Writes a freedesktop.org desktop entry and Parley's icon (the SVG, and PNGs in
the sizes the hicolor theme asks for) under ``$XDG_DATA_HOME`` (default
``~/.local/share``), for the current user: no root, nothing outside that
folder. The entry starts the Parley that ran the command (a pipx or venv
install, a checkout, or a PyInstaller bundle), so it keeps working from any
folder. ``--remove`` takes the same files away again.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.errors import ParleyError
from app.resources import ICON_SIZES, icon

APP_ID = "parley"  # the .desktop file's name, the icon's name, Qt's desktopFileName


def xdg_data_home() -> Path:
    """``$XDG_DATA_HOME``; the spec says to ignore it when empty or relative."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launch_command() -> tuple[list[str], Path | None]:
    """The command that opens this Parley's window, and its working folder if it needs one."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: its own executable
        return [str(Path(sys.executable).resolve())], None
    script = Path(sys.executable).with_name(APP_ID)
    if script.is_file() and os.access(script, os.X_OK):  # pip, pipx or venv install
        return [str(script)], None
    # A checkout that was never installed: ``python -m app`` from the folder above app/.
    return [sys.executable, "-m", "app"], Path(__file__).resolve().parent.parent


def exec_value(argv: list[str]) -> str:
    """The ``Exec=`` value: each argument quoted as the desktop entry spec requires."""
    return " ".join(_quote(arg) for arg in argv)


def _quote(arg: str) -> str:
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    if arg and not reserved & set(arg) and "%" not in arg:
        return arg
    inner = "".join("\\" + c if c in '"`$\\' else c for c in arg).replace("%", "%%")
    # Backslashes are escaped once more because Exec is also a string value.
    return '"' + inner.replace("\\", "\\\\") + '"'


def entry_text(argv: list[str], workdir: Path | None = None) -> str:
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",  # the newest that desktop-file-utils 0.26 (Debian 12) knows
        "Name=Parley",
        "GenericName=Spoken English Practice",
        "Comment=Practise speaking English with a tutor that runs offline",
        f"Exec={exec_value(argv)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Education;Languages;",
        "Keywords=English;speaking;conversation;tutor;pronunciation;grammar;",
        "StartupNotify=true",
        "StartupWMClass=Parley",  # Qt's WM_CLASS class is the application name
    ]
    if workdir is not None:
        lines.insert(7, f"Path={workdir}")
    return "\n".join(lines) + "\n"


def planned_files(data_home: Path) -> dict[Path, object]:
    """Destination -> source (a Traversable) or text, for everything installed."""
    icons = data_home / "icons" / "hicolor"
    files: dict[Path, object] = {
        icons / "scalable" / "apps" / f"{APP_ID}.svg": icon(),
    }
    for size in ICON_SIZES:
        source = icon(size)
        if source.is_file():
            files[icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = source
    return files


def install(data_home: Path | None = None) -> list[Path]:
    """Write the icon files, then the entry (last, so a menu never shows it without its icon)."""
    data_home = data_home or xdg_data_home()
    written = []
    for dest, source in planned_files(data_home).items():
        dest.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(dest, source.read_bytes())
        written.append(dest)
    argv, workdir = launch_command()
    entry = data_home / "applications" / f"{APP_ID}.desktop"
    entry.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(entry, entry_text(argv, workdir).encode("utf-8"))
    written.append(entry)
    return written


def remove(data_home: Path | None = None) -> list[Path]:
    data_home = data_home or xdg_data_home()
    targets = [data_home / "applications" / f"{APP_ID}.desktop", *planned_files(data_home)]
    removed = []
    for path in targets:
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed


def _write_atomic(path: Path, data: bytes) -> None:
    # A desktop shell watching the folder never reads half a file.
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.chmod(0o644)
    os.replace(tmp, path)


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "install-desktop-entry",
        help="add Parley to the app menu (a desktop entry and icon in XDG_DATA_HOME)")
    parser.add_argument("--remove", action="store_true", help="take the entry and icon away")


def run(args) -> int:
    if sys.platform != "linux":
        raise ParleyError("desktop entries are for Linux desktops",
                          "start Parley with `parley` or `python -m app`")
    paths = remove() if args.remove else install()
    verb = "removed" if args.remove else "wrote"
    for path in paths:
        print(f"{verb} {path}")
    if not paths:
        print("nothing to remove")
    return 0
