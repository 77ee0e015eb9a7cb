"""The prerequisite graph as data and pictures: JSON, Graphviz DOT and Mermaid.

Arrows go from a prerequisite to what needs it (the order of teaching). Clusters are modules,
colours are kinds of competency; `or` alternatives are dotted and numbered, co-requisites dashed.
"""

from __future__ import annotations

import json
import textwrap

from constructor.graph.graph import CompetencyGraph
from constructor.model import CompetencyKind

COLOURS = {
    CompetencyKind.GENERAL: "#dbe8fb",
    CompetencyKind.PROFESSIONAL: "#dcefdc",
    CompetencyKind.VARIABLE: "#fbeccb",
    CompetencyKind.FOUNDATION: "#ececec",
}


def select(graph: CompetencyGraph, focus: str | None, depth: int | None) -> list[str]:
    """All competencies, or those around `focus`: what it needs and what needs it, up to `depth`."""
    if focus is None:
        return list(graph.competencies)
    around = graph.closure([focus], depth=depth)
    around.update(graph.closure([focus], upward=True, depth=depth))
    return [c for c in graph.competencies if c in around]


def _edges(graph: CompetencyGraph, nodes: set[str]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    seen: set[tuple[str, str, str]] = set()
    for link in graph.links:
        key = (link.target, link.source, link.kind)
        if link.source in nodes and link.target in nodes and key not in seen:
            seen.add(key)
            out.append(
                {"from": link.target, "to": link.source, "kind": link.kind, "hard": link.hard, "group": link.group}
            )
    return out


def to_json(graph: CompetencyGraph, nodes: list[str]) -> str:
    chosen = set(nodes)
    items = []
    for code in nodes:
        comp = graph.competencies[code]
        items.append(
            {
                "code": code,
                "title": graph.title(code),
                "kind": comp.kind.value,
                "activity": comp.activity.code if comp.activity else None,
                "module": graph.module_of.get(code),
                "hours": {
                    "theory": comp.hours.theory,
                    "practice": comp.hours.practice,
                    "self_study": comp.hours.self_study,
                    "total": comp.hours.total,
                },
            }
        )
    from constructor.jsonout import stamped

    return json.dumps(stamped("graph", {"nodes": items, "edges": _edges(graph, chosen)}), ensure_ascii=False, indent=2)


GENERAL_GROUP = "Общие компетенции (ОК)"


def _groups(graph: CompetencyGraph, nodes: list[str]) -> list[tuple[str | None, list[str]]]:
    """Nodes by cluster: their module, else their bundle, else the general competencies; others loose."""
    found: dict[str | None, list[str]] = {}
    for code in nodes:
        key = graph.module_of.get(code) or graph.bundle_of.get(code)
        if key is None and graph.competencies[code].kind is CompetencyKind.GENERAL:
            key = GENERAL_GROUP
        found.setdefault(key, []).append(code)
    return sorted(found.items(), key=lambda kv: (kv[0] is None, kv[0] == GENERAL_GROUP, kv[0] or ""))


def _group_title(graph: CompetencyGraph, key: str, width: int) -> str:
    decl = graph.modules.get(key) or graph.bundles.get(key)
    title = f"{key} {decl.title.value}" if decl is not None and decl.title is not None else key
    return textwrap.shorten(title, width, placeholder="…")


def _label(graph: CompetencyGraph, code: str, width: int = 34) -> str:
    title = graph.title(code)
    short = textwrap.shorten(title, width=width * 3, placeholder="…")
    return "\n".join([code, *textwrap.wrap(short, width)])


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(graph: CompetencyGraph, nodes: list[str], focus: str | None = None) -> str:
    chosen = set(nodes)
    lines = [
        "digraph competencies {",
        "  rankdir=LR;",
        '  node [shape=box, style="rounded,filled", fontname="DejaVu Sans", fontsize=10];',
        '  edge [fontname="DejaVu Sans", fontsize=9];',
        '  graph [fontname="DejaVu Sans", fontsize=11];',
    ]

    def node_line(code: str, indent: str) -> str:
        comp = graph.competencies[code]
        extra = ", penwidth=2.5" if code == focus else ""
        label = _dot_quote(_label(graph, code))
        return f'{indent}{_dot_quote(code)} [label={label}, fillcolor="{COLOURS[comp.kind]}"{extra}];'

    for index, (group, codes) in enumerate(_groups(graph, nodes)):
        if group is None:
            lines.extend(node_line(c, "  ") for c in codes)
            continue
        lines.append(f"  subgraph cluster_{index} {{")
        lines.append(f"    label={_dot_quote(_group_title(graph, group, 80))};")
        lines.append('    style="rounded"; color="#9aa0a6";')
        lines.extend(node_line(c, "    ") for c in codes)
        lines.append("  }")
    for edge in _edges(graph, chosen):
        attrs = []
        if edge["kind"] == "co":
            attrs += ["style=dashed", "arrowhead=none", 'label="co"']
        elif edge["group"] is not None:
            attrs += ["style=dotted", f'label="или {edge["group"]}"']
        suffix = f" [{', '.join(attrs)}]" if attrs else ""
        lines.append(f"  {_dot_quote(str(edge['from']))} -> {_dot_quote(str(edge['to']))}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;").replace("\n", "<br/>")


def to_mermaid(graph: CompetencyGraph, nodes: list[str], focus: str | None = None) -> str:
    chosen = set(nodes)
    ids = {code: f"n{i}" for i, code in enumerate(nodes)}
    lines = ["flowchart LR"]
    for index, (group, codes) in enumerate(_groups(graph, nodes)):
        indent = "  "
        if group is not None:
            lines.append(f'  subgraph m{index}["{_mermaid_text(_group_title(graph, group, 60))}"]')
            indent = "    "
        lines.extend(f'{indent}{ids[c]}["{_mermaid_text(_label(graph, c, 28))}"]' for c in codes)
        if group is not None:
            lines.append("  end")
    for edge in _edges(graph, chosen):
        a, b = ids[str(edge["from"])], ids[str(edge["to"])]
        if edge["kind"] == "co":
            lines.append(f"  {a} -.- {b}")
        elif edge["group"] is not None:
            lines.append(f'  {a} -. "или {edge["group"]}" .-> {b}')
        else:
            lines.append(f"  {a} --> {b}")
    for kind, colour in COLOURS.items():
        members = [ids[c] for c in nodes if graph.competencies[c].kind is kind]
        if members:
            lines.append(f"  classDef {kind.value} fill:{colour},stroke:#5f6368")
            lines.append(f"  class {','.join(members)} {kind.value}")
    if focus is not None and focus in ids:
        lines.append(f"  style {ids[focus]} stroke-width:3px")
    return "\n".join(lines) + "\n"
