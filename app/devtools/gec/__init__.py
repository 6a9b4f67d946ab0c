"""Evaluation and tuning of the grammar corrector (app/tutor/gec): scores per
evaluation set (report), the threshold tuning (tune), whether learner errors
survive transcription (spoken), ERRANT's edit extraction (errant_eval) and
JFLEG's GLEU (gleu).

    python -m app.devtools.gec.report --system lm --set learner-test

The app never imports this package; errant is imported only here and by the
tests.
"""
