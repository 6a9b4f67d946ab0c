"""Review screens: history, session detail, mistake notebook, drills, today, progress.

``from app.ui.review import ReviewWindow``; Qt is imported only when the
window is first asked for, so importing this package has no side effects.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ReviewWindow"]


def __getattr__(name: str) -> Any:
    if name == "ReviewWindow":
        from app.ui.review.window import ReviewWindow  # lazy: loads Qt, SQLAlchemy and libsndfile

        return ReviewWindow
    raise AttributeError(name)
