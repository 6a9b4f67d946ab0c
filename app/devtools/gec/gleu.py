"""GLEU for grammatical error correction (Napoles, Sakaguchi, Post & Tetreault:
"Ground truth for grammatical error correction metrics", ACL 2015, with the
2016 update "GLEU without tuning" that JFLEG reports).

Written here from the papers, not copied. Per sentence and n-gram order n
(1..4), the hypothesis's n-grams that match the reference are rewarded, and
those it shares with the source but the reference dropped (errors left in)
are penalised:

    p_n = max(0, |H ∩ R| - |H ∩ (S \\ R)|) / (|H| - n + 1)

summed over the corpus, with BLEU's brevity penalty on the hypothesis and
reference lengths. With several references, each iteration draws one
reference per sentence at random (seeded) and the score is the mean over
iterations, as in the 2016 update.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence

ORDER = 4


def _ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def _stats(source: list[str], hypothesis: list[str], reference: list[str]) -> list[float]:
    row = [len(hypothesis), len(reference)]
    for n in range(1, ORDER + 1):
        h, s, r = _ngrams(hypothesis, n), _ngrams(source, n), _ngrams(reference, n)
        source_only = s - r
        matched = sum((h & r).values()) - sum((h & source_only).values())
        row += [max(matched, 0), max(len(hypothesis) + 1 - n, 0)]
    return row


def _score(totals: list[float]) -> float:
    hyp_len, ref_len = totals[0], totals[1]
    if hyp_len == 0:
        return 0.0
    logs = []
    for n in range(ORDER):
        matched, possible = totals[2 + 2 * n], totals[3 + 2 * n]
        if matched == 0 or possible == 0:
            return 0.0
        logs.append(math.log(matched / possible))
    brevity = min(0.0, 1.0 - ref_len / hyp_len)
    return math.exp(brevity + sum(logs) / ORDER)


def gleu(sources: Sequence[str], hypotheses: Sequence[str],
         references: Sequence[Sequence[str]], iterations: int = 500, seed: int = 0) -> float:
    """Corpus GLEU (0..1) of whitespace-tokenised sentences; references[i] holds
    the references of sentence i."""
    src = [s.split() for s in sources]
    hyp = [h.split() for h in hypotheses]
    refs = [[r.split() for r in rs] for rs in references]
    # Each sentence's statistics against each of its references, computed once.
    table = [[_stats(s, h, r) for r in rs] for s, h, rs in zip(src, hyp, refs, strict=True)]
    rng = random.Random(seed)
    total = 0.0
    for _ in range(iterations):
        sums = [0.0] * (2 + 2 * ORDER)
        for rows in table:
            row = rows[rng.randrange(len(rows))]
            sums = [a + b for a, b in zip(sums, row)]
        total += _score(sums)
    return total / iterations
