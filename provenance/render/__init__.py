"""Renderers read a Report and produce text for people, JSON or SARIF for tools."""

FORMATS = ("text", "json", "sarif")
