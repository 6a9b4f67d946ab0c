"""What the translation tests read: every ``tr("...")`` in app/ui, the
user-visible string literals there that skip ``tr``, and the messages of a
Qt .ts file. Plain Python (ast, ElementTree), no Qt."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "app" / "ui"
# Calls whose string argument the learner sees (or a screen reader reads): name -> argument positions.
VISIBLE = {
    "setText": (0,), "setToolTip": (0,), "setAccessibleName": (0,), "setAccessibleDescription": (0,),
    "setWindowTitle": (0,), "setPlaceholderText": (0,), "setStatusTip": (0,), "setWhatsThis": (0,),
    "setTitle": (0,), "setPrefix": (0,), "setSpecialValueText": (0,), "showMessage": (0,),
    "addRow": (0,), "addTab": (1,), "insertTab": (2,), "setTabText": (1,), "addAction": (0, 1),
    "addMenu": (0,), "addItem": (0,), "setHorizontalHeaderLabels": (0,),
    "QLabel": (0,), "QPushButton": (0,), "QCheckBox": (0,), "QRadioButton": (0,), "QToolButton": (0,),
    "QGroupBox": (0,), "QAction": (0, 1), "QMenu": (0,), "information": (1, 2), "warning": (1, 2),
    "critical": (1, 2), "question": (1, 2),
}
WORDS = re.compile(r"[A-Za-z]{2,}")
TAGS = re.compile(r"<[^>]*>")
COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}")
SHOWN_LISTS = {"said", "parts"}
VISIBLE_KEYWORDS = {"title", "text", "toolTip", "placeholderText", "windowTitle"}
TEXT_FUNCTIONS = ("_text", "_label", "_device")  # their returns are shown  # lists of lines joined into a label
NAMES = {"Parley"}  # a name, the same in every language


def _literals(node: ast.AST):
    """String constants a value is built from (a list's items, an f-string's parts, a + b)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):
        yield "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    elif isinstance(node, (ast.List, ast.Tuple)):
        for item in node.elts:
            yield from _literals(item)
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left)
        yield from _literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)


def _shown_words(text: str) -> bool:
    """Words a learner reads: not markup alone, a colour or a name."""
    return bool(WORDS.search(TAGS.sub("", text))) and text not in NAMES \
        and not COLOUR.fullmatch(text)


def _where(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def untranslated_literals(root: Path = UI) -> list[str]:
    """``file:line call 'text'`` for each visible English literal not passed through tr()."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            name = _name(call)
            positions = VISIBLE.get(name, ())
            if name == "append" and getattr(call.func.value, "id", "") in SHOWN_LISTS:
                positions = (0,)
            values = [call.args[i] for i in positions if i < len(call.args)]
            values += [k.value for k in call.keywords if k.arg in VISIBLE_KEYWORDS]
            if name == "setLabel" and len(call.args) > 1:  # a chart axis: (side, text)
                values.append(call.args[1])
            for value in values:
                for text in _literals(value):
                    if _shown_words(text):
                        found.append(f"{_where(path)}:{call.lineno} {name} {text!r}")
        for func in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
            if not func.name.endswith(TEXT_FUNCTIONS):
                continue
            for ret in (n for n in ast.walk(func) if isinstance(n, ast.Return) and n.value):
                for text in _literals(ret.value):
                    if _shown_words(text):
                        found.append(f"{_where(path)}:{ret.lineno} {func.name} returns {text!r}")
    return found


def tr_sources(root: Path = UI) -> dict[str, str]:
    """Every ``tr("literal")`` in app/ui -> where it is."""
    sources: dict[str, str] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            if _name(call) == "tr" and call.args and isinstance(call.args[0], ast.Constant) \
                    and isinstance(call.args[0].value, str):
                sources.setdefault(call.args[0].value, f"{_where(path)}:{call.lineno}")
    return sources


def ts_messages(path: Path) -> dict[str, tuple[str, str]]:
    """source -> (translation, its type: "" when finished, else unfinished/vanished/obsolete)."""
    messages = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        text = "" if translation is None else (translation.text or "")
        kind = "unfinished" if translation is None else translation.get("type", "")
        messages[message.findtext("source") or ""] = (text, kind)
    return messages


def tr_inside_fstrings(root: Path = UI) -> list[str]:
    """``tr()`` calls inside an f-string: pyside6-lupdate does not look there,
    so their text never reaches the .ts."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in (n for n in ast.walk(tree) if isinstance(n, ast.JoinedStr)):
            for call in (c for c in ast.walk(node) if isinstance(c, ast.Call)):
                if _name(call) == "tr":
                    found.append(f"{_where(path)}:{call.lineno} {ast.unparse(call)}")
    return found
