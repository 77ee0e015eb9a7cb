"""HTML with print CSS: every document, from the templates."""

from __future__ import annotations

from constructor.render.writers import Job, Writer


def write(job: Job) -> dict[str, bytes]:
    return {f"{name}.html": text.encode() for name, text in job.html.items()}


WRITER = Writer("html", write)
