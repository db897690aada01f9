"""A bilingual pair: a source text, its English translation and an alignment
between them (paragraphs, then sentences). See docs/source-aware.md."""
