"""1EdTech CASE 1.0: a `CFPackage` out of a `.comp` scope, and back.

One `CFDocument` (the scope's program, else its standard); a `CFItem` for every activity, competency,
module, course and practice (`CFItemType`, `humanCodingScheme` = our code, `fullStatement` = title);
associations: `isChildOf` for the hierarchy (activity → document, module and competency → activity,
course and practice → module), `isPartOf` for a competency a module covers, `precedes` for a
prerequisite (origin = the prerequisite), `isRelatedTo` for a co-requisite and for a
professional-standard labour function. What CASE has no field for — hours, kinds, `or` groups,
attestation forms — is in an `extensions` object on the item or association (CASE allows extra
properties there). Identifiers are UUIDv5 of the code, and the change time is fixed, so exporting
twice gives identical files.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from constructor.diagnostics import Diagnostic, diagnostic
from constructor.interop.convert import canonical
from constructor.model import Activity, AnyDeclaration, CodeExpr, Competency, Module, Program, Standard
from constructor.model.declarations import or_nodes
from constructor.syntax.format import quote
from constructor.syntax.grammar import WORD

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "constructor.comp")
CHANGED = "1970-01-01T00:00:00+00:00"  # fixed: the same input gives the same bytes


def _id(kind: str, code: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{code}"))


def _uri(identifier: str) -> str:
    return f"urn:uuid:{identifier}"


def _link(kind: str, code: str, title: str) -> dict[str, str]:
    ident = _id(kind, code)
    return {"title": title or code, "identifier": ident, "uri": _uri(ident)}


def package(table: Mapping[str, AnyDeclaration], source: str) -> str:
    doc_decl = next((d for d in table.values() if isinstance(d, Program)), None) or next(
        (d for d in table.values() if isinstance(d, Standard)), None
    )
    doc_code = doc_decl.code if doc_decl else Path(source).stem
    doc_title = doc_decl.title.value if doc_decl and doc_decl.title else doc_code
    doc = _link("document", doc_code, doc_title)
    document = {
        "identifier": doc["identifier"],
        "uri": doc["uri"],
        "creator": "constructor",
        "title": doc_title,
        "lastChangeDateTime": CHANGED,
        "language": "ru",
        "CFPackageURI": _link("package", doc_code, doc_title),
    }
    items: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    nodes: dict[str, dict[str, str]] = {}

    def item(kind: str, code: str, title: str, extensions: dict[str, Any]) -> None:
        node = _link("item", code, title)
        nodes[code] = node
        entry: dict[str, Any] = {
            "identifier": node["identifier"],
            "uri": node["uri"],
            "fullStatement": title or code,
            "humanCodingScheme": code,
            "CFItemType": kind,
            "CFDocumentURI": doc,
            "lastChangeDateTime": CHANGED,
        }
        if extensions:
            entry["extensions"] = extensions
        items.append(entry)

    def assoc(
        kind: str,
        origin: dict[str, str],
        destination: dict[str, str],
        extensions: dict[str, Any] | None = None,
        seq: int | None = None,
    ) -> None:
        ident = _id("association", f"{kind}:{origin['identifier']}:{destination['identifier']}")
        entry: dict[str, Any] = {
            "identifier": ident,
            "uri": _uri(ident),
            "associationType": kind,
            "originNodeURI": origin,
            "destinationNodeURI": destination,
            "CFDocumentURI": doc,
            "lastChangeDateTime": CHANGED,
        }
        if seq is not None:
            entry["sequenceNumber"] = seq
        if extensions:
            entry["extensions"] = extensions
        links.append(entry)

    def title(d: AnyDeclaration) -> str:
        return d.title.value if d.title else ""

    for d in table.values():
        if isinstance(d, Activity):
            item("Activity", d.code, title(d), {"number": d.number} if d.number is not None else {})
    for d in table.values():
        if isinstance(d, Competency):
            ext: dict[str, Any] = {"kind": d.kind.value, "hours": d.hours.model_dump()}
            if d.credits:
                ext["credits"] = d.credits
            if d.tags:
                ext["tags"] = dict(d.tags)
            item("Competency", d.code, title(d), ext)
        elif isinstance(d, Module):
            item("Module", d.code, title(d), {"attestation": d.attestation.value} if d.attestation else {})
            for c in d.courses:
                ext = {"hours": c.hours.model_dump()}
                if c.attestation:
                    ext["attestation"] = c.attestation.value
                item("Course", c.code, title(c), ext)
            for p in d.practices:
                item("Practice", p.code, title(p), {"kind": p.kind.value, "hours": p.hours})
    for seq, d in enumerate(table.values(), start=1):
        if isinstance(d, Activity):
            assoc("isChildOf", nodes[d.code], doc, seq=seq)
        elif isinstance(d, Module):
            parent = nodes.get(d.activity.code) if d.activity else None
            assoc("isChildOf", nodes[d.code], parent or doc, seq=seq)
            for r in d.covers:
                if r.code in nodes:
                    assoc("isPartOf", nodes[r.code], nodes[d.code])
            for c in d.courses:
                assoc("isChildOf", nodes[c.code], nodes[d.code])
                for r in c.covers:
                    if r.code in nodes:
                        assoc("isPartOf", nodes[r.code], nodes[c.code])
            for p in d.practices:
                assoc("isChildOf", nodes[p.code], nodes[d.code])
        elif isinstance(d, Competency):
            parent = nodes.get(d.activity.code) if d.activity else None
            assoc("isChildOf", nodes[d.code], parent or doc, seq=seq)
            if d.requires is not None:
                groups = {id(node): k for k, node in enumerate(or_nodes(d.requires), start=1)}
                for ref, group in _requisites(d, groups):
                    if ref in nodes:
                        assoc("precedes", nodes[ref], nodes[d.code], {"orGroup": group} if group else None)
            for r in d.corequires:
                if r.code in nodes:
                    assoc("isRelatedTo", nodes[r.code], nodes[d.code], {"relation": "corequisite"})
            for link in d.links:
                name = f"{link.standard} {link.function}" if link.function else link.standard
                assoc(
                    "isRelatedTo", nodes[d.code], _link("labour-function", name, name), {"relation": "labourFunction"}
                )
    payload = {"CFDocument": document, "CFItems": items, "CFAssociations": links}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _requisites(comp: Competency, groups: Mapping[int, int]) -> list[tuple[str, int | None]]:
    """Each prerequisite code with the number of the innermost `or` it is an alternative of."""
    assert comp.requires is not None
    out: list[tuple[str, int | None]] = []
    stack: list[tuple[Any, int | None]] = [(comp.requires, None)]
    while stack:
        node, group = stack.pop()
        if isinstance(node, CodeExpr):
            out.append((node.ref.code, group))
        else:
            inner = groups.get(id(node), group)
            stack.extend((item, inner) for item in reversed(node.items))
    return out


def read_package(path: str) -> tuple[str | None, list[Diagnostic]]:
    """A CFPackage written by `package` (or shaped like it) back as `.comp` text. The file is read as
    every input is (a regular file, within the size limit, UTF-8); a package of another shape, or with
    a code or a word that is not one (`"ПК-1.1 \\"x\\"\\ncompetency …"` became three declarations), is C036."""
    from constructor.resolve.loader import read_source

    p = Path(path)
    text, problems, _ = read_source(p, path)  # a missing file is C001 there
    if text is None:
        return None, problems
    try:
        return _comp_text(json.loads(text), p.name), []
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as e:
        reason = f"{type(e).__name__}: {e}"[:120]
        return None, [diagnostic("C036", "case-malformed", None, path=path, reason=reason)]


def _word(value: object) -> str:
    """A value written into the `.comp` text as a code or a keyword: one word of the language, or the
    package is refused (ValueError)."""
    text = str(value)
    if not WORD.fullmatch(text):
        raise ValueError(f"not a code or a word: {text[:40]!r}")
    return text


def _number(value: object) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"not a number: {str(value)[:40]!r}")
    return value


def _words(value: object) -> str:
    """«exam, course_project»: each a word."""
    return ", ".join(_word(w.strip()) for w in str(value).split(","))


def _comp_text(data: Any, name: str) -> str:
    items, links = data["CFItems"], data.get("CFAssociations", [])
    if not isinstance(items, list) or not isinstance(links, list):
        raise TypeError("CFItems and CFAssociations are lists")
    by_id = {i["identifier"]: i for i in items if isinstance(i, dict) and "identifier" in i}
    code = {k: _word(i.get("humanCodingScheme") or i["identifier"]) for k, i in by_id.items()}
    parent: dict[str, str] = {}
    part_of: dict[str, list[str]] = {}
    requires: dict[str, list[tuple[str, int | None]]] = {}
    coreq: dict[str, list[str]] = {}
    labour: dict[str, list[str]] = {}
    for a in sorted(links, key=lambda a: a.get("sequenceNumber", 0)):
        o, d = a["originNodeURI"]["identifier"], a["destinationNodeURI"]["identifier"]
        ext = a.get("extensions", {})
        if a["associationType"] == "isChildOf" and o in by_id:
            parent[o] = d
        elif a["associationType"] == "isPartOf" and o in by_id and d in by_id:
            part_of.setdefault(d, []).append(code[o])
        elif a["associationType"] == "precedes" and o in by_id and d in by_id:
            requires.setdefault(d, []).append((code[o], ext.get("orGroup")))
        elif a["associationType"] == "isRelatedTo" and ext.get("relation") == "corequisite":
            coreq.setdefault(d, []).append(code[o])
        elif a["associationType"] == "isRelatedTo" and ext.get("relation") == "labourFunction":
            labour.setdefault(o, []).append(a["destinationNodeURI"]["title"])
    title = " ".join(str(data.get("CFDocument", {}).get("title", "")).split())  # one line: it is a comment
    lines = [
        f"# Imported from {' '.join(name.split())} (1EdTech CASE 1.0 package «{title}») by `constructor import case`."
    ]
    kinds = ("Activity", "Competency", "Module")
    for kind in kinds:
        for ident, it in by_id.items():
            if it.get("CFItemType") != kind:
                continue
            ext = it.get("extensions", {})
            head = f"{code[ident]} {quote(it.get('fullStatement', ''))}"
            lines.append("")
            if kind == "Activity":
                lines.append(f"activity {head}")
            elif kind == "Competency":
                lines.extend(_competency(head, ident, ext, parent, by_id, code, requires, coreq, labour))
            else:
                lines.extend(_module(head, ident, ext, parent, by_id, code, part_of))
    return canonical("\n".join(lines) + "\n")


def _hours(h: Mapping[str, int]) -> str:
    parts = [f"{k} {_number(h[k])}" for k in ("theory", "practice", "self_study") if h.get(k)]
    return f"  hours {', '.join(parts)}" if parts else ""


def _competency(
    head: str,
    ident: str,
    ext: Mapping[str, Any],
    parent: Mapping[str, str],
    by_id: Mapping[str, Any],
    code: Mapping[str, str],
    requires: Mapping[str, list[tuple[str, int | None]]],
    coreq: Mapping[str, list[str]],
    labour: Mapping[str, list[str]],
) -> list[str]:
    out = [f"competency {head} {{"]
    if "kind" in ext:
        out.append(f"  kind {_word(ext['kind'])}")
    up = parent.get(ident)
    if up is not None and up in by_id and by_id[up].get("CFItemType") == "Activity":
        out.append(f"  activity {code[up]}")
    if ext.get("hours") and _hours(ext["hours"]):
        out.append(_hours(ext["hours"]))
    if ext.get("credits"):
        out.append(f"  credits {_number(ext['credits'])}")
    reqs = requires.get(ident, [])
    if reqs:
        plain = [c for c, g in reqs if g is None]
        grouped: dict[int, list[str]] = {}
        for c, g in reqs:
            if g is not None:
                grouped.setdefault(g, []).append(c)
        terms = plain + ["(" + " or ".join(cs) + ")" if len(cs) > 1 else cs[0] for _, cs in sorted(grouped.items())]
        out.append("  requires " + ", ".join(terms))
    if coreq.get(ident):
        out.append("  corequires " + ", ".join(coreq[ident]))
    if labour.get(ident):
        out.append("  links " + ", ".join(quote(x) for x in labour[ident]))
    for key, value in (ext.get("tags") or {}).items():
        out.append(f"  tag {_word(key)} {quote(str(value))}")
    out.append("}")
    return out


def _module(
    head: str,
    ident: str,
    ext: Mapping[str, Any],
    parent: Mapping[str, str],
    by_id: Mapping[str, Any],
    code: Mapping[str, str],
    part_of: Mapping[str, list[str]],
) -> list[str]:
    out = [f"module {head} {{"]
    up = parent.get(ident)
    if up is not None and up in by_id and by_id[up].get("CFItemType") == "Activity":
        out.append(f"  activity {code[up]}")
    if part_of.get(ident):
        out.append("  covers " + ", ".join(part_of[ident]))
    for child, it in by_id.items():
        if parent.get(child) != ident:
            continue
        cext = it.get("extensions", {})
        if it.get("CFItemType") == "Course":
            out.append(f"  course {code[child]} {quote(it.get('fullStatement', ''))} {{")
            if part_of.get(child):
                out.append("    covers " + ", ".join(part_of[child]))
            if cext.get("hours") and _hours(cext["hours"]):
                out.append("  " + _hours(cext["hours"]))
            if cext.get("attestation"):
                out.append(f"    attestation {_words(cext['attestation'])}")
            out.append("  }")
        elif it.get("CFItemType") == "Practice":
            kind, hours = _word(cext.get("kind", "educational")), _number(cext.get("hours", 0))
            out.append(f"  practice {code[child]} {kind} {hours} h")
    if ext.get("attestation"):
        out.append(f"  attestation {_words(ext['attestation'])}")
    out.append("}")
    return out
