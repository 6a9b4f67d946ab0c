"""The interface's language. Every string the window shows goes through
:func:`tr` (``QCoreApplication.translate`` in the one context ``""``, which is
where ``pyside6-lupdate`` files a bare ``tr("...")`` call), so one ``.ts`` per
language covers the whole interface: assets/i18n/parley_<lang>.ts, compiled
to ``.qm`` beside it by scripts/translations.sh. The tutor stays in English:
prompts, replies and corrections never pass through here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.resources import asset

SYSTEM = "system"
# code -> the language's own name (shown untranslated in the setting's list).
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
_installed: list[QTranslator] = []
_data: list[bytes] = []  # a QTranslator reads its .qm in place: keep the bytes alive


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def resolve(chosen: str) -> str:
    """The language to show: the chosen one, or the system's when it has a translation."""
    if chosen in LANGUAGES:
        return chosen
    name = QLocale.system().name()  # e.g. zh_CN
    if name in LANGUAGES:
        return name
    return "zh_CN" if name.startswith("zh") else "en"


def install(app, chosen: str = SYSTEM) -> str:
    """Install the translation of the chosen language (none for English);
    widgets built afterwards show it. Returns the language code in use."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _data.clear()
    language = resolve(chosen)
    # Dates and numbers in the same language as the words.
    QLocale.setDefault(QLocale(language if language != "en" else "en_GB"))
    if language == "en":
        return language
    source = asset("i18n", f"parley_{language}.qm")
    translator = QTranslator(app)
    data = source.read_bytes() if source.is_file() else b""
    _data.append(data)
    if data and translator.load(data):
        app.installTranslator(translator)
        _installed.append(translator)
        # Qt's own strings (OK, Cancel, the file dialogs) in the same language.
        from PySide6.QtCore import QLibraryInfo

        base = QTranslator(app)
        if base.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(base)
            _installed.append(base)
    return language
