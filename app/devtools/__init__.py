"""Developer tools, kept apart from the app: the latency benchmarks (plain and
through the window), the history benchmark, the quality evaluations (the
corrector's in :mod:`app.devtools.gec`), the screenshots of every page from
the learner's own data, and the migration helper.

The app never imports this package; the command line wires its commands in
through :mod:`app.devtools.commands`, and its ``screenshot`` command loads
:mod:`app.devtools.screenshots` when it runs.
"""
