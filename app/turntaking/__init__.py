"""Hands-free turn-taking: when the learner has finished, and a head start on the reply.

- :mod:`~app.turntaking.endpointer`: Silero VAD, live: speech start, pause,
  resumption and end (``live_endpointer()`` is the app's one configuration);
- :mod:`~app.turntaking.cutter`: the learner's audio cut out at each pause and
  end;
- :mod:`~app.turntaking.gate`: holds a turn's events until its end is confirmed;
- :mod:`~app.turntaking.speculation`: starts the turn on a pause, behind a
  gate;
- :mod:`~app.turntaking.turn_end`: the silence that ends a turn, from what was
  said;
- :mod:`~app.turntaking.driver`: the one driver of all of these, used by the
  window's microphone worker, the benchmark (``LiveTurns``) and ``listen()``.

Nothing is imported here, so ``app.practice`` can use the gate without pulling
in the rest. Turn-taking never imports the practice: it cancels turns with
:mod:`app.turn_types` and runs them through the ``TurnRunner`` it is given.
"""
