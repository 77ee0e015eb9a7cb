"""XLSX: the plan as a workbook (sheets Титул, График, План, Компетенции; render/xlsx.py)."""

from __future__ import annotations

from constructor.render.writers import Job, Writer


def write(job: Job) -> dict[str, bytes]:
    from constructor.render.documents import xlsx

    return {"plan.xlsx": xlsx(job.context)}


WRITER = Writer("xlsx", write)
