"""Names: the glossary, the transliteration-aware matcher, name mentions in
documents and the checks built on them (see docs/glossary.md)."""
