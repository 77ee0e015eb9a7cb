"""Where each comment of a file goes when `constructor fmt` prints it again: before the declaration or
field that follows it, at the end of its line, or before the closing `}` of its block; never lost."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from constructor.model import (
    Bundle,
    College,
    Competency,
    Course,
    Elective,
    Module,
    Practice,
    Program,
    SourceFile,
    TopDeclaration,
)

_TOKENS = re.compile(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*|\n')


@dataclass
class Comment:
    line: int
    text: str
    trailing: bool  # written after code on its line
    gap_after: bool = False  # a blank line follows it: kept, as it separates a header comment from code


@dataclass
class Comments:
    leading: dict[int, list[Comment]] = field(default_factory=dict)  # source line of an anchor → comments
    trailing: dict[int, str] = field(default_factory=dict)
    closing: dict[int, list[Comment]] = field(default_factory=dict)  # end line of a block → before `}`
    tail: list[Comment] = field(default_factory=list)  # after the last declaration


def scan(text: str) -> list[Comment]:
    lines = text.split("\n")
    out = []
    line = 1
    line_has_code = False
    pos = 0
    for m in _TOKENS.finditer(text):
        between = text[pos : m.start()]
        if between.strip():
            line_has_code = True
        pos = m.end()
        token = m.group(0)
        if token == "\n":
            line += 1
            line_has_code = False
        elif token.startswith("#"):
            gap = line < len(lines) and not lines[line].strip()
            out.append(Comment(line, token.rstrip(), line_has_code, gap))
        else:
            line_has_code = True
    return out


def _anchors(decl: TopDeclaration | Course | Practice | Competency) -> list[int]:
    lines = [span.line for span in decl.fields.values()]
    if isinstance(decl, Module):
        lines += [c.span.line for c in decl.courses] + [p.span.line for p in decl.practices]
    elif isinstance(decl, Program):
        lines += [r.span.line for r in decl.recognitions]
    elif isinstance(decl, Bundle):
        lines += [c.span.line for c in decl.competencies] + [d.span.line for d in decl.deliveries]
    elif isinstance(decl, Elective):
        lines += [a.span.line for a in decl.alternatives]
    elif isinstance(decl, College):
        lines += [r.span.line for r in decl.rooms]
    for name in ("terms", "topics", "agreed_by", "complex_exams", "complex_credits", "final_parts"):
        for part in getattr(decl, name, ()):
            span = getattr(part, "span", None) or (part[0].span if part else None)
            if span is not None:
                lines.append(span.line)
    return sorted(set(lines))


def attach(source: SourceFile, comments: list[Comment]) -> Comments:
    out = Comments()
    blocks: list[tuple[int, int, list[int]]] = []  # (start, end, anchors) of every declaration, nested too

    def add(decl: TopDeclaration | Course | Practice | Competency) -> None:
        blocks.append((decl.span.line, decl.span.end_line, _anchors(decl)))
        if isinstance(decl, Module):
            for course in decl.courses:
                add(course)
            for practice in decl.practices:
                add(practice)
        elif isinstance(decl, Bundle):
            for comp in decl.competencies:
                add(comp)
        elif isinstance(decl, Elective):
            for alt in decl.alternatives:
                add(alt)

    for decl in source.declarations:
        add(decl)
    tops = sorted([u.span.line for u in source.uses] + [d.span.line for d in source.declarations])
    for c in comments:
        if c.trailing:
            out.trailing[c.line] = c.text
            continue
        inner = [b for b in blocks if b[0] < c.line <= b[1]]
        if inner:
            _, end, anchors = max(inner, key=lambda b: b[0])  # the innermost block
            after = [a for a in anchors if a > c.line]
            target = min(after) if after else None
            if target is not None:
                out.leading.setdefault(target, []).append(c)
            else:
                out.closing.setdefault(end, []).append(c)
            continue
        following = [t for t in tops if t > c.line]
        if following:
            out.leading.setdefault(min(following), []).append(c)
        else:
            out.tail.append(c)
    return out
