"""The interactive view: a self-contained HTML page of the graph, and a screenshot of it."""

from __future__ import annotations

from .render import TYPE_COLOURS, ViewOptions, json_for_html, render_graph_html, render_html, view_data
from .screenshot import find_chromium, screenshot

__all__ = [
    "TYPE_COLOURS",
    "ViewOptions",
    "find_chromium",
    "json_for_html",
    "render_graph_html",
    "render_html",
    "screenshot",
    "view_data",
]
