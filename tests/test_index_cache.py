"""Embeddings are cached by content hash: editing the notes re-embeds only what changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from index.store import build, index_dir, load
from knowledge.catalog import SHIPPED_DIR
from knowledge.courseformat import parse_course
from tests.conftest import COURSE, FakeEmbedder


class CountingEmbedder(FakeEmbedder):
    """The fake embedder, counting the passages it had to embed."""

    def __init__(self) -> None:
        self.passages = 0

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        self.passages += len(texts)
        return super().embed_passages(texts)


def test_an_edit_reembeds_only_what_changed(tmp_path: Path) -> None:
    source = tmp_path / COURSE
    shutil.copytree(SHIPPED_DIR / COURSE, source)
    embedder = CountingEmbedder()
    course = parse_course(source)
    first = build(course, embedder, index_dir(tmp_path, COURSE))
    full = embedder.passages
    assert full > 500

    embedder.passages = 0
    build(course, embedder, index_dir(tmp_path, COURSE))  # nothing changed: only the background
    unchanged = embedder.passages

    page = source / "07-accountmanagement.md"
    text = page.read_text(encoding="utf-8")
    edit = text.replace("Het accountplan is het plan", "Het accountplan is het document", 1)
    page.write_text(edit, encoding="utf-8")
    edited = parse_course(source)
    embedder.passages = 0
    second = build(edited, embedder, index_dir(tmp_path, COURSE))
    assert unchanged < embedder.passages < unchanged + 10  # the changed chunk and sentence, not 1,000
    assert np.allclose(first.sentence_vectors[0], second.sentence_vectors[0])  # reused, identical
    reloaded = load(edited, embedder, index_dir(tmp_path, COURSE))
    assert any("het document waarin" in s.text for s in reloaded.sentences)
