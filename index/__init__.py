"""Search over course chunks: embeddings + FAISS, BM25, glossary fast path."""
