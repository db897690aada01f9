"""provenance: checks English news translated from other languages (first Arabic)."""

__version__ = "0.1.0"
