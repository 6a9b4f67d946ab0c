"""The window carries the app-menu entry's name and icon (from package data)."""


def test_ui_application_has_the_menu_entrys_name_and_icon(qapp):
    from app.ui.application import qt_application

    app = qt_application()
    assert app.desktopFileName() == "parley"
    sizes = {(s.width(), s.height()) for s in app.windowIcon().availableSizes()}
    assert {(16, 16), (48, 48), (256, 256)} <= sizes
