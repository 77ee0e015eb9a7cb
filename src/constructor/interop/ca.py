"""CurricularAnalytics CSV: read (with diagnostics that name the line and column), write, and convert
to and from `.comp`.

The format: header rows `Curriculum`, `Institution`, `Degree Type`, `System Type` (semester or
quarter), `CIP` (a degree plan adds `Degree Plan`), then a row `Courses` and a table with the columns
`Course ID, Course Name, Prefix, Number, Prerequisites, Corequisites, Strict-Corequisites,
Credit Hours, Institution, Canonical Name` (a degree plan adds `Term`, and a section `Additional
Courses`). Requisites are course IDs separated by `;` (`,` is accepted too). Course IDs, not names,
are identities.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from constructor.diagnostics import Diagnostic, diagnostic
from constructor.model import Span

HEADERS = ("Curriculum", "Degree Plan", "Institution", "Degree Type", "System Type", "CIP")
COLUMNS = (
    "Course ID",
    "Course Name",
    "Prefix",
    "Number",
    "Prerequisites",
    "Corequisites",
    "Strict-Corequisites",
    "Credit Hours",
    "Institution",
    "Canonical Name",
    "Term",
)
_CREDITS = re.compile(r"\d+(?:\.\d+)?")
_SPLIT = re.compile(r"[;,]")


@dataclass
class Course:
    id: str
    name: str = ""
    prefix: str = ""
    number: str = ""
    prerequisites: list[str] = field(default_factory=list)
    corequisites: list[str] = field(default_factory=list)
    strict: list[str] = field(default_factory=list)
    credits: str = ""
    institution: str = ""
    canonical: str = ""
    term: str = ""
    additional: bool = False
    line: int = 0


@dataclass
class Curriculum:
    headers: dict[str, str] = field(default_factory=dict)
    courses: list[Course] = field(default_factory=list)

    @property
    def quarter(self) -> bool:
        return self.headers.get("System Type", "").strip().lower() == "quarter"

    @property
    def degree_plan(self) -> bool:
        return "Degree Plan" in self.headers or any(c.term for c in self.courses)

    def edges(self) -> list[tuple[str, str]]:
        """(requisite, course) for every requisite: pre, co and strict co alike."""
        return [(r, c.id) for c in self.courses for r in (*c.prerequisites, *c.corequisites, *c.strict)]


def _offsets(line: str) -> list[int]:
    """The 1-based column where each field of a CSV line starts (quotes respected)."""
    starts = [1]
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            starts.append(i + 2)
    return starts


class _Cells:
    def __init__(self, path: str, lines: list[str]) -> None:
        self.path = path
        self.lines = lines

    def span(self, line: int, column: int, width: int | None = None) -> Span:
        raw = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        starts = _offsets(raw)
        col = starts[column] if column < len(starts) else len(raw) + 1
        end = (starts[column + 1] - 1) if column + 1 < len(starts) else len(raw) + 1
        return Span(file=self.path, line=line, column=col, end_line=line, end_column=max(end, col + 1))


def read(text: str, path: str) -> tuple[Curriculum, list[Diagnostic]]:
    """Parse a CurricularAnalytics CSV. Never raises: problems come back as diagnostics."""
    diags: list[Diagnostic] = []
    lines = text.splitlines()
    cells = _Cells(path, lines)
    cur = Curriculum()
    reader = csv.reader(io.StringIO(text))
    columns: dict[str, int] | None = None
    in_courses = False
    additional = False
    seen: dict[str, int] = {}
    header_cells: dict[str, Span] = {}
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as e:
        diags.append(
            diagnostic(
                "C030",
                "csv-malformed",
                Span(file=path, line=reader.line_num or 1, column=1, end_line=reader.line_num or 1, end_column=2),
                reason=str(e),
            )
        )
        return cur, diags
    for line, row in rows:
        first = row[0].strip() if row else ""
        if not any(cell.strip() for cell in row):
            continue
        if not in_courses:
            if first.lower() == "courses":
                in_courses = True
            elif first in HEADERS:
                cur.headers[first] = row[1].strip() if len(row) > 1 else ""
                header_cells[first] = cells.span(line, 1 if len(row) > 1 else 0)
            else:
                diags.append(
                    diagnostic(
                        "C031", "csv-unknown-header", cells.span(line, 0), text=first, help="csv-unknown-header.help"
                    )
                )
            continue
        if columns is None:
            columns = {}
            for k, name in enumerate(row):
                name = name.strip()
                if name in COLUMNS:
                    columns[name] = k
                elif name:
                    diags.append(
                        diagnostic(
                            "C031", "csv-unknown-column", cells.span(line, k), text=name, help="csv-unknown-column.help"
                        )
                    )
            if "Course ID" not in columns:
                diags.append(diagnostic("C030", "csv-no-course-id", cells.span(line, 0), help="csv-no-course-id.help"))
                return cur, diags
            continue
        if first.lower() == "additional courses":
            additional = True
            continue

        def get(name: str, row: list[str] = row, columns: dict[str, int] = columns) -> str:
            k = columns.get(name)
            return row[k].strip() if k is not None and k < len(row) else ""

        cid = get("Course ID")
        if not cid:
            diags.append(diagnostic("C030", "csv-empty-id", cells.span(line, columns["Course ID"])))
            continue
        if cid in seen:
            diags.append(
                diagnostic("C034", "csv-duplicate-id", cells.span(line, columns["Course ID"]), id=cid, first=seen[cid])
            )
            continue
        seen[cid] = line
        credits = get("Credit Hours")
        if credits and not _CREDITS.fullmatch(credits):
            diags.append(
                diagnostic(
                    "C033",
                    "csv-bad-credits",
                    cells.span(line, columns["Credit Hours"]),
                    text=credits,
                    help="csv-bad-credits.help",
                )
            )
            credits = ""
        course = Course(
            id=cid,
            name=get("Course Name"),
            prefix=get("Prefix"),
            number=get("Number"),
            prerequisites=_ids(get("Prerequisites")),
            corequisites=_ids(get("Corequisites")),
            strict=_ids(get("Strict-Corequisites")),
            credits=credits,
            institution=get("Institution"),
            canonical=get("Canonical Name"),
            term=get("Term"),
            additional=additional,
            line=line,
        )
        cur.courses.append(course)
    if not in_courses:
        diags.append(
            diagnostic(
                "C030",
                "csv-no-courses",
                Span(file=path, line=1, column=1, end_line=1, end_column=2),
                help="csv-no-courses.help",
            )
        )
    elif "Curriculum" not in cur.headers:
        diags.append(
            diagnostic(
                "C030",
                "csv-no-curriculum",
                Span(file=path, line=1, column=1, end_line=1, end_column=2),
                help="csv-no-courses.help",
            )
        )
    system = cur.headers.get("System Type", "semester").strip().lower()
    if system not in ("semester", "quarter", ""):
        # real files say `semster`; CurricularAnalytics reads anything but `quarter` as semesters
        diags.append(
            diagnostic(
                "C037",
                "csv-unknown-system",
                header_cells.get("System Type", Span(file=path, line=1, column=1, end_line=1, end_column=2)),
                text=cur.headers["System Type"],
                help="csv-unknown-system.help",
            )
        )
    ids = {c.id for c in cur.courses}
    for c in cur.courses:
        for name, refs in (
            ("Prerequisites", c.prerequisites),
            ("Corequisites", c.corequisites),
            ("Strict-Corequisites", c.strict),
        ):
            for ref in refs:
                if ref not in ids:
                    assert columns is not None
                    diags.append(
                        diagnostic(
                            "C032",
                            "csv-unknown-course",
                            cells.span(c.line, columns[name]),
                            id=ref,
                            course=c.id,
                            help="csv-unknown-course.help",
                        )
                    )
    return cur, diags


def _ids(cell: str) -> list[str]:
    return [x.strip() for x in _SPLIT.split(cell) if x.strip()]


def write(cur: Curriculum) -> str:
    """The CSV of a curriculum (with `Term` and `Additional Courses` for a degree plan)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    plan = cur.degree_plan
    width = len(COLUMNS) if plan else len(COLUMNS) - 1
    for name in HEADERS:
        if name in cur.headers or name in ("Curriculum", "System Type"):
            value = cur.headers.get(name, "semester" if name == "System Type" else "")
            w.writerow([name, value] + [""] * (width - 2))
    w.writerow(["Courses"] + [""] * (width - 1))
    w.writerow(COLUMNS[:width])

    def row(c: Course) -> list[str]:
        cells = [
            c.id,
            c.name,
            c.prefix,
            c.number,
            ";".join(c.prerequisites),
            ";".join(c.corequisites),
            ";".join(c.strict),
            c.credits,
            c.institution,
            c.canonical,
        ]
        return [*cells, c.term] if plan else cells

    for c in cur.courses:
        if not c.additional:
            w.writerow(row(c))
    extra = [c for c in cur.courses if c.additional]
    if extra:
        w.writerow(["Additional Courses"] + [""] * (width - 1))
        for c in extra:
            w.writerow(row(c))
    return out.getvalue()
