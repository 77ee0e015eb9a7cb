"""DOCX: the working programs and the explanatory note as Word documents (render/word.py)."""

from __future__ import annotations

from constructor.render.writers import Job, Writer


def write(job: Job) -> dict[str, bytes]:
    from constructor.render.documents import docx, note_docx

    files = {f"syllabus-{doc.code}.docx": docx(job.context, doc) for doc in job.context.syllabi}
    files["note.docx"] = note_docx(job.context)
    return files


WRITER = Writer("docx", write)
