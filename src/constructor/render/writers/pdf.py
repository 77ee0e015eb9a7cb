"""PDF: the HTML documents through WeasyPrint, on every core."""

from __future__ import annotations

from constructor.render.writers import Job, Writer


def write(job: Job) -> dict[str, bytes]:
    from constructor.render.documents import pdfs

    return {f"{name}.pdf": data for name, data in pdfs(job.html, job.progress, job.pdf_workers).items()}


WRITER = Writer("pdf", write)
