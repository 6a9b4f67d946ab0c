"""The rows of a blind split written as write_test8.py-write_test11.py write
them: each script holds its hand-written tables, and this turns them into
rows in one order (is it correct, wrong then right; word forms; meanings; how
to say; pronunciation; questions to the tutor; goodbyes; unclear), with ids
from ``first_id`` and the split's name."""
import json
from pathlib import Path


def build_rows(tables: dict, first_id: int, split: str) -> list[dict]:
    """``tables``: the script's globals (T, WRONG, RIGHT, FORMS, MEANINGS, HOW,
    SAY, TQ, BYE, UNCLEAR)."""
    T = tables["T"]
    out = []

    def add(act, learner, context=(T,), kind=None, subject=None, detail=None, **expect):
        row = dict(act=act, kind=kind, subject=subject, detail=detail, context=list(context),
                   learner=learner, expect=expect, id=first_id + len(out), split=split)
        out.append({k: v for k, v in row.items() if v is not None})

    for th, line, s, fix in tables["WRONG"]:
        add("language_question", line, [T, *th], kind="is_correct", subject=s, wrong=True,
            answer_any=fix)
    for th, line, s in tables["RIGHT"]:
        add("language_question", line, [T, *th], kind="is_correct", subject=s, wrong=False)
    for th, line, s, d, a in tables["FORMS"]:
        add("language_question", line, [T, *th], kind="word_form", subject=s, detail=d,
            answer_any=a)
    for th, line, s, a in tables["MEANINGS"]:
        add("language_question", line, [T, *th], kind="meaning", subject=s, answer_any=a)
    for th, line, s, a in tables["HOW"]:
        add("language_question", line, [T, *th], kind="how_to_say", subject=s, answer_any=a)
    for th, line, s, a in tables["SAY"]:
        add("language_question", line, [T, *th], kind="pronunciation", subject=s, answer_any=a)
    for th, line, k, c in tables["TQ"]:
        add("tutor_question", line, [T, *th], kind=k, content=c)
    for ctx, line in tables["BYE"]:
        add("goodbye", line, context=ctx)
    for line in tables["UNCLEAR"]:
        add("unclear", line)
    return out


def write_rows(rows: list[dict], path: Path) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
