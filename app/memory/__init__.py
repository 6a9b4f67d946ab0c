"""What Parley remembers about the learner (Qt-free).

- :mod:`app.memory.extract` reads facts from a learner's line (spaCy patterns;
  a fact it is not sure of is left out);
- :mod:`app.memory.dates` resolves "next Friday" against the day it was said;
- :mod:`app.memory.recall` picks the opening line's follow-up and the facts
  that go into the tutor's prompt;
- :mod:`app.memory.keeper` extracts from saved turns, off the reply's path.
"""
