"""The `studybot` command line: ingest, courses, build-index, ask, chat, run."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import replace
from pathlib import Path

from bot.main import run_bot
from index.embedder import EmbedderError, make_embedder
from index.store import build, index_dir, open_index
from knowledge.catalog import CourseNotFoundError, list_courses, load_course
from knowledge.courseformat import CourseFormatError
from knowledge.ingest import ingest
from knowledge.readers import IngestError
from runtime.settings import Settings
from studybot.terminal import run_chat
from tutor.engine import open_engine
from tutor.errors import TutorError

logger = logging.getLogger(__name__)
QUIET_LIBRARIES = ("bm25s", "httpx", "apscheduler")


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Read a learner's summary into a course."""
    report = ingest([Path(f) for f in args.files], args.course, args.title, settings.data_dir)
    _out(report.summary())
    return 0


def cmd_courses(args: argparse.Namespace, settings: Settings) -> int:
    """List the available courses."""
    for ref in list_courses(settings.data_dir):
        try:
            course = load_course(settings.data_dir, ref.slug)
            _out(
                f"{ref.slug}\t{course.title}\t{len(course.chapters)} hoofdstukken, "
                f"{len(course.sections)} onderwerpen\t({ref.origin})"
            )
        except CourseFormatError as exc:
            _out(f"{ref.slug}\t(kapot: {exc})\t({ref.origin})")
    return 0


def _progress(done: int, total: int) -> None:
    sys.stderr.write(f"\rindex bouwen: {done}/{total} stukken ({done / total if total else 1:.0%})")
    if done >= total:
        sys.stderr.write("\n")


def cmd_build_index(args: argparse.Namespace, settings: Settings) -> int:
    """Build the search index (again, or with --if-needed only when it is missing or stale)."""
    course = load_course(settings.data_dir, args.course or settings.course)
    embedder = make_embedder(settings.embedder)
    if args.if_needed:
        idx = open_index(course, embedder, settings.data_dir, _progress)
    else:
        idx = build(course, embedder, index_dir(settings.data_dir, course.slug), _progress)
    m = idx.manifest
    _out(f"index voor '{course.slug}': {m.chunks} stukken, {m.embedder}, {m.build_seconds:.1f} s")
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer one question, or one per stdin line with --stdin."""
    if not args.stdin and not args.question:
        _err('Geef een vraag op, bijvoorbeeld: studybot ask "wat is NPS?"')
        return 2
    engine = open_engine(settings.data_dir, args.course or settings.course, make_embedder(settings.embedder))
    questions = sys.stdin if args.stdin else [" ".join(args.question)]
    for line in questions:
        text = line.rstrip("\n")
        try:
            answer = engine.answerer.answer(text)
            payload = answer.to_json()
            plain = answer.answer
        except TutorError as exc:
            payload = {"question": text, "found": False, "kind": "none", "answer": str(exc), "sources": []}
            plain = str(exc)
        _out(json.dumps(payload, ensure_ascii=False) if args.json else plain)
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """Interactive terminal study session."""
    return run_chat(settings, args.course or settings.course)


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """Start the Telegram bot, or the terminal chat when no token is configured."""
    if not settings.token:
        _err("Geen TELEGRAM_BOT_TOKEN ingesteld: de terminalchat start.")
        return cmd_chat(args, settings)
    if args.course:
        settings = replace(settings, course=args.course)
    return run_bot(
        settings,
        webhook=args.webhook,
        listen=args.listen,
        port=args.port,
        public_url=args.public_url,
        secret_token=args.secret_token,
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    p = argparse.ArgumentParser(prog="studybot", description="Offline studieassistent")
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("ingest", help="lees je eigen samenvatting in (.txt, .md, .pdf, .html)")
    s.add_argument("files", nargs="+")
    s.add_argument("--course", required=True)
    s.add_argument("--title")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("courses", help="toon beschikbare cursussen")
    s.set_defaults(func=cmd_courses)

    s = sub.add_parser("build-index", help="bouw de zoekindex opnieuw")
    s.add_argument("--course")
    s.add_argument("--if-needed", action="store_true", help="alleen als de index ontbreekt of verouderd is")
    s.set_defaults(func=cmd_build_index)

    s = sub.add_parser("ask", help="stel een vraag over de stof")
    s.add_argument("--course")
    s.add_argument("--json", action="store_true")
    s.add_argument("--stdin", action="store_true")
    s.add_argument("question", nargs="*")
    s.set_defaults(func=cmd_ask)

    s = sub.add_parser("chat", help="studeer in de terminal")
    s.add_argument("--course")
    s.set_defaults(func=cmd_chat)

    s = sub.add_parser("run", help="start de Telegram-bot (of de terminalchat zonder token)")
    s.add_argument("--course")
    s.add_argument("--webhook", action="store_true")
    s.add_argument("--listen", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8443)
    s.add_argument("--public-url", default="")
    s.add_argument("--secret-token", default="")
    s.set_defaults(func=cmd_run)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `studybot` console script."""
    args = build_parser().parse_args(argv)
    level = logging.DEBUG if args.verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Libraries that set their own logger to DEBUG at import (bm25s) follow the chosen level too.
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(level)
    settings = Settings.from_env()
    try:
        return int(args.func(args, settings))
    except (IngestError, CourseNotFoundError, TutorError) as exc:
        _err(str(exc))
        return 1
    except CourseFormatError as exc:
        _err(f"Cursusbestand ongeldig: {exc}")
        return 1
    except EmbedderError as exc:
        _err(f"Embedder: {exc}")
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
