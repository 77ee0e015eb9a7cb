"""Markdown: the plan and the working programs, from the `.md.j2` templates."""

from __future__ import annotations

from constructor.render.writers import Job, Writer


def write(job: Job) -> dict[str, bytes]:
    from constructor.render.documents import md_documents

    return {f"{name}.md": text.encode() for name, text in md_documents(job.context, job.env).items()}


WRITER = Writer("md", write)
