"""PDF: the HTML documents set by Typst (render/typeset); a user's own templates through WeasyPrint,
which reads their CSS."""

from __future__ import annotations

from constructor.render.writers import Job, Writer


def write(job: Job) -> dict[str, bytes]:
    if job.own_templates:
        from constructor.render.documents import pdfs

        made = pdfs(job.html, job.progress, job.pdf_workers)
    else:
        from constructor.render import typeset

        made = typeset.pdfs(job.html, job.progress)
    return {f"{name}.pdf": data for name, data in made.items()}


WRITER = Writer("pdf", write)
