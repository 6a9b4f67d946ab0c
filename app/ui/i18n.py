"""The interface's language. Every string the window shows goes through
:func:`tr` (``QCoreApplication.translate`` in the one context ``""``, which is
where ``pyside6-lupdate`` files a bare ``tr("...")`` call), so one ``.ts`` per
language covers the whole interface: assets/i18n/parley_<lang>.ts, compiled
to ``.qm`` beside it by scripts/translations.sh. The tutor stays in English:
prompts, replies and corrections never pass through here.

Chinese needs a CJK font. Where the system has none (a bare Linux install,
the offscreen build machine), :func:`ensure_font` loads Noto Sans CJK from
the ``noto-cjk-sans-otc`` package (SIL OFL 1.1) into the application; where
neither is there, :func:`font_problem` says so in one line (the language
setting shows it) instead of drawing empty boxes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app.resources import asset

SYSTEM = "system"
# code -> the language's own name (shown untranslated in the setting's list).
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
_installed: list[QTranslator] = []
_data: list[bytes] = []  # a QTranslator reads its .qm in place: keep the bytes alive
_fonts: dict[str, str] = {}  # language -> the family loaded for it ("" when none could be)
NEEDS_FONT = {"zh_CN": "SimplifiedChinese"}  # language -> QFontDatabase.WritingSystem


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
    ensure_font(language)
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


def _bundled_font():
    try:
        import noto_cjk_sans_otc  # the font file only (Noto Sans CJK, SIL OFL 1.1)
    except ImportError:
        return None
    path = noto_cjk_sans_otc.FONT_PATH
    return path if path.is_file() else None


def ensure_font(language: str) -> str:
    """A font that draws ``language``: the system's if it has one, else the
    bundled Noto Sans CJK, loaded once and put first in the fallback list.
    Returns the family used; "" when there is none (see :func:`font_problem`)."""
    from PySide6.QtGui import QFontDatabase, QGuiApplication  # lazy: needs the QGuiApplication

    system = NEEDS_FONT.get(language)
    if system is None or QGuiApplication.instance() is None:
        return ""
    if language in _fonts:
        return _fonts[language]
    writing = getattr(QFontDatabase.WritingSystem, system)
    bundled = _bundled_font()
    family = ""
    if bundled is not None:
        font_id = QFontDatabase.addApplicationFont(str(bundled))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        # The collection holds each region's cut: the Simplified Chinese one first.
        family = next((f for f in families if f.endswith(" SC")), families[0] if families else "")
    elif QFontDatabase.families(writing):
        family = QFontDatabase.families(writing)[0]
    if family:
        # Latin text keeps the interface's font; Chinese characters fall back to this one.
        app = QGuiApplication.instance()
        font = app.font()
        if family not in font.families():
            font.setFamilies([*(font.families() or [font.family()]), family])
            app.setFont(font)
    _fonts[language] = family
    return family


def font_problem(language: str) -> str:
    """One line when ``language`` cannot be drawn on this machine; "" when it can."""
    if language not in NEEDS_FONT or ensure_font(language):
        return ""
    return tr("No Chinese font on this computer: install noto-cjk-sans-otc (pip) or your "
              "system's Noto Sans CJK, or the Chinese menus show as boxes.")
