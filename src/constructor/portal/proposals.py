"""An enterprise's proposal: what the composer's form holds, checked, and the `bundle` it becomes.

The body is a pydantic model (the contract between the form, the database and the project): a title,
existing competencies requested, new ones described (title, hours by kind, prerequisites from the
catalog, the professional-standard function they serve), a cap on hours, practices at partner sites,
and graduates wanted a year. `bundle_text` writes it in the language, so the library weighs and checks
it exactly as it would a file a methodologist wrote.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from constructor.portal.db import Database, audit
from constructor.syntax.format import quote

CODE = re.compile(r"[0-9A-Za-zА-Яа-яЁё][0-9A-Za-zА-Яа-яЁё.\-]{0,39}")
# pydantic's `pattern` searches (a value with one letter in it would match): anchored, whole values only
WHOLE_CODE = rf"^{CODE.pattern}$"
Code = Annotated[str, Field(pattern=WHOLE_CODE)]
MAX_HOURS = 2000
STATUSES = ("draft", "submitted", "returned", "accepted")


class NewCompetency(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    code: Code
    title: str = Field(min_length=1, max_length=500)
    activity: Code
    theory: int = Field(ge=0, le=MAX_HOURS)
    practice: int = Field(ge=0, le=MAX_HOURS)
    requires: tuple[Code, ...] = Field(default=(), max_length=50)
    function: str = Field(default="", max_length=100)  # «40.002 B/02.3»


class ProposalBody(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str = Field(min_length=1, max_length=300)
    requests: tuple[Code, ...] = Field(default=(), max_length=200)
    new: tuple[NewCompetency, ...] = Field(default=(), max_length=1)
    hours_max: int | None = Field(default=None, ge=0, le=10 * MAX_HOURS)
    deliveries: tuple[tuple[Code, Code], ...] = Field(default=(), max_length=50)  # (practice, site)
    seats: int | None = Field(default=None, ge=0, le=10000)


class ProposalError(Exception):
    def __init__(self, key: str, detail: str = "") -> None:
        super().__init__(key)
        self.key = key
        self.detail = detail


def _int(value: str | None) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit() or len(value) > 6:
        raise ProposalError("bad-number", value[:20])
    return int(value)


def body_from_form(form: Mapping[str, str], lists: Mapping[str, Sequence[str]]) -> ProposalBody:
    """The body of the composer's form: `requests` and `requires` are lists of codes picked from the
    catalog, one new competency at most per form (`new_*` fields), deliveries as `ПРАКТИКА@ПЛОЩАДКА`."""
    new: list[NewCompetency] = []
    try:
        if (form.get("new_title") or "").strip():
            new.append(
                NewCompetency(
                    code=(form.get("new_code") or "").strip(),
                    title=(form.get("new_title") or "").strip(),
                    activity=(form.get("new_activity") or "").strip(),
                    theory=_int(form.get("new_theory")) or 0,
                    practice=_int(form.get("new_practice")) or 0,
                    requires=tuple(dict.fromkeys(c for c in lists.get("new_requires", ()) if CODE.fullmatch(c))),
                    function=(form.get("new_function") or "").strip(),
                )
            )
        deliveries = []
        for pair in lists.get("deliveries", ()):
            practice, _, site = pair.partition("@")
            if CODE.fullmatch(practice) and CODE.fullmatch(site):
                deliveries.append((practice, site))
        return ProposalBody(
            title=(form.get("title") or "").strip(),
            requests=tuple(dict.fromkeys(c for c in lists.get("requests", ()) if CODE.fullmatch(c))),
            new=tuple(new),
            hours_max=_int(form.get("hours_max")),
            deliveries=tuple(deliveries),
            seats=_int(form.get("seats")),
        )
    except ValidationError as e:
        first = e.errors()[0]
        raise ProposalError("bad-field", ".".join(str(x) for x in first["loc"])) from None


def bundle_text(code: str, body: ProposalBody, enterprise: str, standard: str | None, uses: Sequence[str]) -> str:
    """The proposal as a `bundle` declaration in a file of its own, which `use`s what the program's
    file uses (the standard's modules and competencies it refers to)."""
    lines = [f"# Предложение предприятия «{enterprise}», принято через портал constructor.".replace("\n", " ")]
    lines += [f"use {quote(u)}" for u in uses]
    lines += ["", f"bundle {code} {quote(body.title)} {{", f"  enterprise {quote(enterprise)}"]
    if standard:
        lines.append(f"  standard {standard}")
    requests = list(dict.fromkeys([*body.requests, *(c.code for c in body.new)]))
    if requests:
        lines.append("  requests " + ", ".join(requests))
    for comp in body.new:
        lines.append(f"  competency {comp.code} {quote(comp.title)} {{")
        lines += ["    kind variable", f"    activity {comp.activity}"]
        hours = [f"theory {comp.theory}"] * bool(comp.theory) + [f"practice {comp.practice}"] * bool(comp.practice)
        if hours:
            lines.append("    hours " + ", ".join(hours))
        if comp.requires:
            lines.append("    requires " + ", ".join(comp.requires))
        if comp.function:
            lines.append(f"    links {quote(comp.function)}")
        lines.append("  }")
    if body.hours_max is not None:
        lines.append(f"  hours_max {body.hours_max} h")
    lines += [f"  delivers {practice} at {site}" for practice, site in body.deliveries]
    if body.seats:
        lines.append(f"  seats {body.seats}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def save(conn: Database, user: int, program: str, body: ProposalBody, proposal: int | None = None) -> int:
    """A new draft, or the draft (or returned proposal) `proposal` of this user changed."""
    now = time.time()
    with conn.transaction():
        if proposal is None:
            proposal = conn.insert(
                "INSERT INTO proposals (user_id, program, status, body, created, updated)"
                " VALUES (?, ?, 'draft', ?, ?, ?)",
                (user, program, body.model_dump_json(), now, now),
            )
            audit(conn, user, "proposal-created", f'{{"proposal": {proposal}}}')
            return proposal
        row = conn.execute("SELECT status, user_id FROM proposals WHERE id = ?", (proposal,)).fetchone()
        if row is None or row["user_id"] != user:
            raise ProposalError("not-found")
        if row["status"] not in ("draft", "returned"):
            raise ProposalError("not-editable")
        conn.execute(
            "UPDATE proposals SET body = ?, status = 'draft', updated = ? WHERE id = ?",
            (body.model_dump_json(), now, proposal),
        )
        audit(conn, user, "proposal-saved", f'{{"proposal": {proposal}}}')
    return proposal


def set_status(conn: Database, proposal: int, by: int, status: str, expect: Sequence[str], comment: str = "") -> None:
    """Move a proposal on (`expect`: the statuses it may be in), in one transaction with its audit line."""
    with conn.transaction():
        row = conn.execute("SELECT status FROM proposals WHERE id = ?", (proposal,)).fetchone()
        if row is None:
            raise ProposalError("not-found")
        if row["status"] not in expect:
            raise ProposalError("wrong-status", row["status"])
        conn.execute(
            "UPDATE proposals SET status = ?, comment = ?, updated = ? WHERE id = ?",
            (status, comment[:2000], time.time(), proposal),
        )
        audit(conn, by, f"proposal-{status}", f'{{"proposal": {proposal}}}')


def body_of(row: Any) -> ProposalBody:
    return ProposalBody.model_validate_json(row["body"])
