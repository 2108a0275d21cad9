"""Course knowledge: course text → chapters, sections, glossary and quiz items."""
