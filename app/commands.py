"""What each command-line command does (argument parsing lives in cli.py)."""

from __future__ import annotations

import json

import sys

from app import models_list
from app.audio.devices import require_input
from app.cli_support import print_json, settings_from
from app.correct_stream import correct_lines
from app.doctor import check_database, format_report, report
from app.engines import Engines
from app.errors import AudioFileError, ParleyError
from app.models_catalog import PIP_MODELS, WHISPER_MODELS, build, build_whisper
from app.review.commands import check_data, format_check_data
from app.shown import shown
from app.tutor.scenarios import load_catalog

TIMING_KEYS = ("asr", "correction", "llm_first_token", "llm_total", "tts_first_audio",
               "end_to_first_audio")


def turn(args) -> int:
    from app.audio.wavio import load_utterance  # lazy: loads numpy
    from app.practice import Practice  # lazy: loads SQLAlchemy and libsndfile
    from app.store import open_store  # lazy: loads SQLAlchemy and libsndfile

    if args.mic == (args.wav is not None):
        raise ParleyError("give either a WAV file or --mic", "e.g. python -m app turn speech.wav")
    settings = settings_from(args)
    if args.mic:
        require_input()  # no microphone: say so before loading models
    else:
        pcm = load_utterance(args.wav)  # bad input fails before anything loads or is saved
    engines = Engines(settings)
    engines.load()
    ended_at = None
    if args.mic:
        from app.turntaking.driver import listen  # lazy: loads numpy

        print("Listening... speak now.", file=sys.stderr, flush=True)
        heard = listen()
        pcm, ended_at = heard.pcm, heard.speech_ended_at
    store = open_store(settings.home)
    practice = Practice(engines, store, scenario="free talk")
    outcome = practice.run_turn(pcm, speech_ended_at=ended_at)
    practice.end()
    corrections = [
        {k: getattr(e, k) for k in ("original", "corrected", "reason", "kind")}
        for e in outcome.corrections.edits
    ]
    if args.json:
        print_json({
            "session_id": outcome.session_id,
            "turn_id": outcome.turn_id,
            "transcript": outcome.transcript.text,
            "words": [w.to_dict() for w in outcome.transcript.words],
            "corrections": corrections,
            "corrected": outcome.corrections.corrected,
            "reply": outcome.reply,
            "reply_audio": outcome.reply_audio,
            "learner_audio": outcome.learner_audio,
            "timings_ms": {key: outcome.timings_ms.get(key) for key in TIMING_KEYS},
            "load_ms": engines.load_ms,
            "actions": list(outcome.actions),  # spoken requests carried out (app/actions.py)
        })
        return 0
    print(f"You said:  {outcome.transcript.text}")
    for c in corrections:
        print(f"Correction: {c['original']} -> {c['corrected']} ({c['reason']})")
    for action in outcome.actions:
        print(f"Done:      {action['name']} {json.dumps(action['arguments'])}")
    print(f"Tutor:     {outcome.reply}")
    print(f"Reply audio: {outcome.reply_audio}")
    return 0


def transcribe(args) -> int:
    from app.audio.wavio import load_utterance  # lazy: loads numpy
    from app.speech.factory import create_transcriber  # lazy: loads numpy

    settings = settings_from(args)
    clips = [load_utterance(path) for path in args.wavs]  # all inputs checked first
    transcriber = create_transcriber(settings.asr_backend, settings.asr_model,
                                     threads=settings.threads.asr)
    transcriber.load()
    for path, pcm in zip(args.wavs, clips):
        text = transcriber.transcribe(pcm).text
        if not text.strip():
            raise AudioFileError(f"no speech was recognised in {path}",
                                 "check that the file holds spoken English")
        print(text, flush=True)
    return 0


def correct(args) -> int:
    engines = Engines(settings_from(args))
    # Bytes in and out: any input, undecodable bytes shown as \xNN (app/correct_stream.py).
    return correct_lines(engines.corrector, sys.stdin.buffer, sys.stdout.buffer, sys.stderr)


def scenarios(args) -> int:
    """The packs the learner can pick, where each comes from, and the broken ones."""
    catalog = load_catalog(settings_from(args).home)
    if args.json:
        print_json({
            "scenarios": [{"id": s.id, "title": s.title, "description": s.description,
                           "source": s.source, "path": s.path} for s in catalog.scenarios],
            "problems": [str(p) for p in catalog.problems],
            "learner_folder": str(catalog.learner_folder),
        })
    else:
        # A shared pack is someone else's text: nothing in it may drive the terminal.
        width = max(len(shown(s.id)) for s in catalog.scenarios)
        for s in catalog.scenarios:
            print(f"{shown(s.id):<{width}}  {s.source:<8}  {shown(s.title)}")
        print(f"\nYour own packs: {shown(catalog.learner_folder)}/*.toml "
              "(the same id as a built-in pack replaces it)")
    for problem in catalog.problems:
        print(f"parley: skipped a scenario pack: {shown(problem)}", file=sys.stderr)
    return 1 if catalog.problems else 0


def doctor(args) -> int:
    if args.check_data:
        found = check_data(settings_from(args).home)
        print_json(found) if args.json else print(format_check_data(found))
        return 0 if found.get("ok", True) else 1
    info = report(settings_from(args))
    # Device names and paths come from the system and the learner: shown, not sent.
    print_json(info) if args.json else print(shown(format_report(info), keep="\n"))
    sys.stdout.flush()
    check_database(info)  # a damaged database: one line on stderr, non-zero exit
    return 0


def backup(args) -> int:
    from app.store.backup import backup as write_backup  # lazy: loads SQLAlchemy and libsndfile

    done = write_backup(settings_from(args).home, args.file)
    if args.json:
        print_json(vars(done))
        return 0
    missing = (f"; {done.missing_recordings} recordings were already missing"
               if done.missing_recordings else "")
    print(f"Backed up {done.sessions} sessions, {done.turns} turns and {done.recordings} "
          f"recordings to {shown(done.path)} ({done.size_bytes / 1e6:.1f} MB){missing}")
    return 0


def restore(args) -> int:
    from app.store.backup import restore as merge_backup  # lazy: loads SQLAlchemy and libsndfile

    done = merge_backup(settings_from(args).home, args.file)
    if args.json:
        print_json(done.as_dict())
        return _account_for_recordings(done)
    print(f"Restored {done.sessions_added} sessions and {done.turns_added} turns "
          f"({done.recordings_restored} recordings, {done.drills_added} drills); "
          f"{done.sessions_merged} sessions and {done.turns_already_here} turns were here already "
          "(nothing was deleted or overwritten)")
    if done.facts_added or done.forgotten_added or done.settings_added:
        print(f"  memory: {done.facts_added} facts, {done.forgotten_added} forgotten-fact "
              f"records, {done.settings_added} settings added")
    for old, new in sorted((done.renumbered or {}).items()):
        print(f"  session {old} of the backup is session {new} here")
    if done.damaged_database_kept_as:
        print(f"  the damaged database was kept as {shown(done.damaged_database_kept_as)}")
    return _account_for_recordings(done)


def _account_for_recordings(done) -> int:
    """One line naming the recordings a restore could not give back, and a failing exit."""
    from app.store.backup import BackupError  # lazy: loads SQLAlchemy and libsndfile

    lost = sorted((done.recordings_not_restored or {}).items())
    if not lost:
        return 0
    named = "; ".join(f"{shown(path)}: {why}" for path, why in lost[:5])
    more = f"; and {len(lost) - 5} more" if len(lost) > 5 else ""
    raise BackupError(f"{len(lost)} recordings of the backup could not be restored ({named}{more})",
                      "everything else is restored; restore those from another backup")


def models(args) -> int:
    if args.models_command == "list":
        return models_list.run(args, settings_from(args))
    if args.models_command == "pick":
        return models_list.run_pick(args, settings_from(args))
    if args.models_command == "install":
        if args.id in WHISPER_MODELS:
            print(build_whisper(WHISPER_MODELS[args.id]))
            return 0
        if args.id not in PIP_MODELS:
            raise ParleyError(f"no installable model '{args.id}'",
                              f"choose one of: {', '.join([*PIP_MODELS, *WHISPER_MODELS])}")
        print(build(PIP_MODELS[args.id]))
        return 0
    from app.speech.convert import convert_ct2_to_openai  # lazy: loads numpy

    written = convert_ct2_to_openai(args.src, args.dst)
    print(written)
    return 0


def screenshot(args) -> int:
    from app.devtools.screenshots import screenshot as take  # lazy: loads Qt

    themes = ("light", "dark") if args.theme == "both" else (args.theme,)
    return take(args.out, themes, language=args.language)
