"""Everything needed to answer questions about one course, built once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from index.embedder import Embedder
from index.retriever import Retriever
from index.store import Progress, SearchIndex, open_index
from knowledge.catalog import load_course
from knowledge.model import Course
from tutor.answering import Answerer


@dataclass
class Engine:
    """A loaded course with its index, retriever and answerer."""

    course: Course
    index: SearchIndex
    retriever: Retriever
    answerer: Answerer


def open_engine(
    data_dir: Path, course_slug: str, embedder: Embedder, progress: Progress | None = None
) -> Engine:
    """Load (or build) everything for ``course_slug``."""
    course = load_course(data_dir, course_slug)
    index = open_index(course, embedder, data_dir, progress)
    retriever = Retriever(course, index, embedder)
    return Engine(course, index, retriever, Answerer(retriever))
