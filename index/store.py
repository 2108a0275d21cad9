"""The search index as a build artefact: FAISS + BM25 + chunks + manifest, on disk."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import bm25s
import faiss
import numpy as np

from index.chunking import CHUNKER_VERSION, Chunk, chunk_course, content_hash
from index.embedder import Embedder
from index.offtopic import BACKGROUND, background_hash
from index.passages import SENTENCES_VERSION, Sentence, course_sentences
from index.text import bm25_tokens, lexical_hash
from knowledge.model import Course

logger = logging.getLogger(__name__)

FORMAT_VERSION = 2
Progress = Callable[[int, int], None]


class IndexMismatchError(RuntimeError):
    """The index on disk was built from something else; the message says what differs."""


@dataclass(frozen=True)
class Manifest:
    """What an index was built from."""

    format_version: int
    course: str
    embedder: str
    dim: int
    chunker_version: str
    content_hash: str
    background_hash: str
    lexical_hash: str
    sentences_version: str
    chunks: int
    bm25s_version: str
    built_at: float
    build_seconds: float


@dataclass
class SearchIndex:
    """Loaded index: chunks, their vectors in FAISS, and a BM25 retriever."""

    manifest: Manifest
    chunks: list[Chunk]
    faiss_index: faiss.Index
    bm25: bm25s.BM25
    background: np.ndarray
    # Sentence vectors for answer composition: one query encode serves retrieval and composition.
    sentences: list[Sentence]
    sentence_vectors: np.ndarray


def index_dir(data_dir: Path, course_slug: str) -> Path:
    """Where the index of ``course_slug`` lives."""
    return data_dir / "index" / course_slug


def expected_manifest(course: Course, embedder: Embedder) -> dict[str, object]:
    """The manifest fields an index for this course and embedder must have."""
    return {
        "format_version": FORMAT_VERSION,
        "course": course.slug,
        "embedder": embedder.id,
        "dim": embedder.dim,
        "chunker_version": CHUNKER_VERSION,
        "content_hash": content_hash(course),
        "background_hash": background_hash(),
        "lexical_hash": lexical_hash(),
        "sentences_version": SENTENCES_VERSION,
    }


class EmbeddingCache:
    """Passage vectors by the hash of their text, kept beside the index: an edit to the notes
    re-embeds only the chunks and sentences it changed, not the whole course."""

    STEP = 32

    def __init__(self, path: Path) -> None:
        self.path = path
        self.vectors: dict[str, np.ndarray] = {}
        try:
            with np.load(path) as data:
                self.vectors = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
        except (OSError, KeyError, ValueError):
            self.vectors = {}  # no cache yet, or an unreadable one: embed everything

    @staticmethod
    def key(text: str) -> str:
        """The cache key of one passage text."""
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def embed(self, embedder: Embedder, texts: list[str], progress: Progress | None = None) -> np.ndarray:
        """Vectors for ``texts`` (cached ones reused, the rest embedded in batches); saves the cache."""
        keys = [self.key(t) for t in texts]
        uses = Counter(keys)  # a text may occur more than once
        missing = [k for k in uses if k not in self.vectors]
        text_of = dict(zip(keys, texts, strict=True))
        done = len(texts) - sum(uses[k] for k in missing)
        for i in range(0, len(missing), self.STEP):
            batch = missing[i : i + self.STEP]
            for k, v in zip(batch, embedder.embed_passages([text_of[k] for k in batch]), strict=True):
                self.vectors[k] = np.asarray(v, np.float32)
            done += sum(uses[k] for k in batch)
            if progress:
                progress(done, len(texts))
        if progress and not missing:
            progress(len(texts), len(texts))
        self.vectors = {k: self.vectors[k] for k in uses}  # only what the course uses now: never stale
        if keys:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(self.path.name + ".tmp.npz")
            np.savez(tmp, keys=np.array(list(uses)), vectors=np.vstack([self.vectors[k] for k in uses]))
            tmp.replace(self.path)
            return np.vstack([self.vectors[k] for k in keys]).astype(np.float32)
        return np.zeros((0, embedder.dim), np.float32)


def build(
    course: Course, embedder: Embedder, directory: Path, progress: Progress | None = None
) -> SearchIndex:
    """Embed and index every chunk of ``course``, then swap it into ``directory``."""
    start = time.perf_counter()
    chunks = chunk_course(course)
    sentences = course_sentences(course)
    titles = {sec.id: sec.title for sec in course.sections}
    sent_texts = [f"{titles[x.section_id]}: {x.text}" for x in sentences]
    texts = [c.embed_text for c in chunks]
    cache = EmbeddingCache(
        directory.parent / f".embeddings-{re.sub(r'[^A-Za-z0-9_.-]+', '_', embedder.id)}.npz"
    )
    all_vectors = cache.embed(embedder, texts + sent_texts, progress)
    matrix = all_vectors[: len(texts)]
    sentence_matrix = all_vectors[len(texts) :]
    if matrix.shape[1] != embedder.dim:
        raise IndexMismatchError(f"embedder returned dim {matrix.shape[1]}, expected {embedder.dim}")
    flat = faiss.IndexFlatIP(embedder.dim)
    flat.add(matrix)
    background = embedder.embed_passages(list(BACKGROUND)).astype(np.float32)
    bm25 = bm25s.BM25()
    bm25.index([bm25_tokens(c.text + " " + c.embed_text.split("\n")[0]) for c in chunks], show_progress=False)
    manifest = Manifest(
        **expected_manifest(course, embedder),  # type: ignore[arg-type]
        chunks=len(chunks),
        bm25s_version=bm25s.__version__,
        built_at=time.time(),
        build_seconds=round(time.perf_counter() - start, 3),
    )
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}-", dir=directory.parent))
    try:
        faiss.write_index(flat, str(staging / "vectors.faiss"))
        bm25.save(str(staging / "bm25"), show_progress=False)
        np.save(staging / "background.npy", background)
        np.save(staging / "sentence_vectors.npy", sentence_matrix)
        (staging / "sentences.json").write_text(
            json.dumps([asdict(x) for x in sentences], ensure_ascii=False), encoding="utf-8"
        )
        (staging / "chunks.json").write_text(
            json.dumps([asdict(c) for c in chunks], ensure_ascii=False), encoding="utf-8"
        )
        (staging / "manifest.json").write_text(json.dumps(asdict(manifest), indent=2), encoding="utf-8")
        old = directory.with_name(f".{directory.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if directory.exists():
            directory.rename(old)
        staging.rename(directory)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    logger.info("built index for %s: %d chunks in %.2fs", course.slug, len(chunks), manifest.build_seconds)
    return SearchIndex(manifest, chunks, flat, bm25, background, sentences, sentence_matrix)


def load(course: Course, embedder: Embedder, directory: Path) -> SearchIndex:
    """Load the index in ``directory``; IndexMismatchError if it was built from anything else."""
    path = directory / "manifest.json"
    if not path.is_file():
        raise IndexMismatchError(f"no index at {directory}")
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise IndexMismatchError(f"unreadable manifest {path}: {exc}") from exc
    for key, want in expected_manifest(course, embedder).items():
        if stored.get(key) != want:
            raise IndexMismatchError(
                f"index {directory} was built with {key}={stored.get(key)!r}, now {want!r}"
            )
    try:
        manifest = Manifest(**stored)
        flat = faiss.read_index(str(directory / "vectors.faiss"))
        bm25 = bm25s.BM25.load(str(directory / "bm25"), show_progress=False)
        chunks = [Chunk(**c) for c in json.loads((directory / "chunks.json").read_text("utf-8"))]
        background = np.load(directory / "background.npy")
        sentences = [Sentence(**x) for x in json.loads((directory / "sentences.json").read_text("utf-8"))]
        sentence_vectors = np.load(directory / "sentence_vectors.npy")
    except Exception as exc:
        raise IndexMismatchError(f"index {directory} is damaged: {exc}") from exc
    if (
        flat.ntotal != len(chunks)
        or flat.d != embedder.dim
        or sentence_vectors.shape != (len(sentences), embedder.dim)
    ):
        raise IndexMismatchError(
            f"index {directory} is inconsistent ({flat.ntotal} vectors, {len(chunks)} chunks)"
        )
    return SearchIndex(manifest, chunks, flat, bm25, background, sentences, sentence_vectors)


def open_index(
    course: Course, embedder: Embedder, data_dir: Path, progress: Progress | None = None
) -> SearchIndex:
    """Load the course's index, rebuilding it when the course or embedder changed."""
    directory = index_dir(data_dir, course.slug)
    try:
        return load(course, embedder, directory)
    except IndexMismatchError as exc:
        logger.info("rebuilding index: %s", exc)
        return build(course, embedder, directory, progress)
