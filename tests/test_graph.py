"""The graph checks: right on degenerate input, equal to the slow obvious algorithms on random input."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from constructor import parse
from constructor.graph import CompetencyGraph, attainable, check_graph
from constructor.model import Catalog


def catalog(text: str) -> Catalog:
    source, diags = parse(text, "g.comp")
    assert [d.code for d in diags] == []
    return Catalog(files=(source,))


def graph_of(text: str) -> CompetencyGraph:
    cat = catalog(text)
    return CompetencyGraph(cat.table(cat.scopes()[0]))


def codes(text: str) -> list[str]:
    return [d.code for d in check_graph(catalog(text))]


def test_empty_and_single() -> None:
    assert check_graph(Catalog()) == []
    assert codes('competency К "т"') == []


def test_thousands_in_one_cycle_are_one_diagnostic_with_a_shortened_path() -> None:
    n = 3000
    text = "\n".join(f'competency К-{i} "т" {{ requires К-{(i + 1) % n} }}' for i in range(n))
    start = time.perf_counter()
    diags = check_graph(catalog(text))
    assert time.perf_counter() - start < 10
    assert [d.code for d in diags] == ["C201"]
    note = diags[0].notes[0].text("en")
    assert note.startswith("the cycle: К-0 → К-1 → ") and note.endswith("→ К-2999 → К-0")
    assert f"… ({n - 10}) …" in note  # the links left out, counted
    assert len(diags[0].labels) == 5  # the first six links, the first one is the primary span


def test_a_long_chain_does_not_recurse() -> None:
    n = 10_000
    text = "\n".join(f'competency К-{i} "т"' + (f" {{ requires К-{i - 1} }}" if i else "") for i in range(n))
    graph = graph_of(text)
    assert len(graph.teaching_order()) == n
    assert len(attainable(graph)) == n
    assert codes(text) == []


def test_an_or_with_a_hundred_alternatives() -> None:
    alternatives = " or ".join(f"А-{i}" for i in range(100))
    text = f'competency К "т" {{ requires {alternatives} }}\n' + "\n".join(
        f'competency А-{i} "т" {{ requires К }}' for i in range(99)
    )
    text += '\ncompetency А-99 "т"'
    # 99 alternatives lead back to К, one does not: К is attainable, the cycles are warnings
    assert set(codes(text)) == {"C203"}
    text_blocked = text.replace('competency А-99 "т"', 'competency А-99 "т" { requires К }')
    assert "C202" in codes(text_blocked)


def test_self_requirement_and_cycle_kinds() -> None:
    assert codes('competency К "т" { requires К }') == ["C201"]
    assert codes('competency К "т" { requires К or Л }\ncompetency Л "т"') == ["C203"]
    assert codes('competency К "т" { requires К or Л }\ncompetency Л "т" { requires К }') == ["C202", "C202"]


def test_diagnostics_are_deterministic() -> None:
    text = "\n".join(
        f'competency К-{i} "т" {{ requires К-{(i * 7 + 3) % 50}, К-{(i * 3 + 1) % 50} }}' for i in range(50)
    )
    first = [(d.code, d.span, d.message.text("en")) for d in check_graph(catalog(text))]
    again = [(d.code, d.span, d.message.text("en")) for d in check_graph(catalog(text))]
    assert first == again and first


# ---------------------------------------------------------------- random graphs against the obvious


@st.composite
def expressions(draw: st.DrawFn, n: int) -> dict[int, list[list[int]]]:
    """For each competency, its prerequisites as an and-of-ors: [[a, b], [c]] is (a or b) and c."""
    out: dict[int, list[list[int]]] = {}
    for i in range(n):
        clauses = draw(st.lists(st.lists(st.integers(0, n - 1), min_size=1, max_size=3), max_size=3))
        out[i] = clauses
    return out


def _text(exprs: dict[int, list[list[int]]]) -> str:
    lines = []
    for i, clauses in exprs.items():
        body = ", ".join("(" + " or ".join(f"К-{a}" for a in clause) + ")" for clause in clauses)
        lines.append(f'competency К-{i} "т"' + (f" {{ requires {body} }}" if clauses else ""))
    return "\n".join(lines)


@given(st.integers(1, 8).flatmap(expressions))
def test_attainable_is_the_least_fixpoint(exprs: dict[int, list[list[int]]]) -> None:
    reached: set[int] = set()
    changed = True
    while changed:  # the obvious way: repeat until nothing more can be attained
        changed = False
        for i, clauses in exprs.items():
            if i not in reached and all(any(a in reached for a in clause) for clause in clauses):
                reached.add(i)
                changed = True
    graph = graph_of(_text(exprs))
    assert attainable(graph) == {f"К-{i}" for i in reached}


@given(st.integers(1, 9).flatmap(lambda n: st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)))))
def test_cycles_are_reported_exactly_when_the_graph_has_one(edges: list[tuple[int, int]]) -> None:
    nodes = sorted({n for e in edges for n in e} | {0})
    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    lines = []
    for n in nodes:
        needs = sorted({b for a, b in edges if a == n})
        lines.append(
            f'competency К-{n} "т"' + (" { requires " + ", ".join(f"К-{b}" for b in needs) + " }" if needs else "")
        )
    diags = check_graph(catalog("\n".join(lines)))
    cycles = [d for d in diags if d.code == "C201"]
    assert bool(cycles) == (not nx.is_directed_acyclic_graph(g))
    for d in cycles:  # every reported cycle is a real closed walk along the edges
        path = d.notes[0].text("en").split(": ", 1)[1].split(" → ")
        if "…" not in path:
            assert path[0] == path[-1]
            assert all(g.has_edge(int(a[2:]), int(b[2:])) for a, b in itertools.pairwise(path))


@given(st.integers(2, 10).flatmap(lambda n: st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)))))
def test_redundant_prerequisites_are_the_edges_transitive_reduction_drops(edges: list[tuple[int, int]]) -> None:
    dag_edges = sorted({(a, b) for a, b in edges if a > b})  # a requires b, always an earlier code: acyclic
    nodes = sorted({n for e in dag_edges for n in e} | {0})
    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from(dag_edges)
    expected = set(g.edges) - set(nx.transitive_reduction(g).edges)
    lines = []
    for n in nodes:
        needs = [b for a, b in dag_edges if a == n]
        lines.append(
            f'competency К-{n} "т"' + (" { requires " + ", ".join(f"К-{b}" for b in needs) + " }" if needs else "")
        )
    diags = [d for d in check_graph(catalog("\n".join(lines))) if d.code == "C220"]
    found = {(int(d.message.args["code"][2:]), int(d.message.args["prerequisite"][2:])) for d in diags}  # type: ignore[index]
    assert found == expected


@settings(max_examples=60, deadline=None)
@given(
    st.integers(3, 10).flatmap(
        lambda n: st.tuples(
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))), st.integers(1, n - 1), st.just(n)
        )
    )
)
def test_the_redundancy_check_of_one_file_is_the_whole_checks_diagnostics_in_that_file(
    case: tuple[list[tuple[int, int]], int, int],
) -> None:
    """The language server checks the edited file's competencies only (`only`): the same C220s as
    the whole check shows in that file. Competencies below `split` are in a catalog the file uses."""
    import tempfile

    import constructor
    from constructor.graph.redundancy import check_redundant

    edges, split, n = case
    dag_edges = sorted({(a, b) for a, b in edges if a > b})

    def text(numbers: range) -> str:
        lines = []
        for k in numbers:
            needs = [b for a, b in dag_edges if a == k]
            body = " { requires " + ", ".join(f"К-{b}" for b in needs) + " }" if needs else ""
            lines.append(f'competency К-{k} "т"{body}')
        return "\n".join(lines) + "\n"

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "constructor.toml").write_text("")
        (root / "catalog.comp").write_text(text(range(split)), encoding="utf-8")
        (root / "main.comp").write_text('use "catalog.comp"\n' + text(range(split, n)), encoding="utf-8")
        loaded = constructor.load([root / "main.comp"], root)
    cat = loaded.catalog
    shown = next(f.path for f in cat.files if f.path.endswith("main.comp"))
    graph = CompetencyGraph(cat.table(cat.visible(shown)))
    everything = check_redundant(graph)
    assert check_redundant(graph, only={shown}) == [d for d in everything if d.span and d.span.file == shown]


_CATALOG = """activity ВД-1 "Подготовка"
activity ВД-2 "Разработка"
activity ВД-3 "Контроль"
competency ПК-1.1 "Применять методы" { activity ВД-2  knows "виды сварных швов" }
competency ПК-2.1 "Проектировать" { activity ВД-2  requires ПК-1.1  knows "Виды сварных швов." }
competency ПК-2.2 "Рассчитывать" { activity ВД-2  requires ПК-2.1, ПК-1.1 }
module ПМ.02 "Разработка" {
  activity ВД-1
  covers ПК-1.1
  course МДК.02.01 "Основы" { covers ПК-2.1 }
  practice УП.02 educational 72 h
  attestation qualification_exam
}
"""
_MAIN = """use "catalog.comp"
competency ПК-3.1 "Определять причины" {
  activity ВД-1  requires ПК-2.2, ПК-2.1  can "читать чертежи"  knows "виды швов"
}
competency ПК-3.2 "Оценивать" { activity ВД-3  requires ПК-3.1, ПК-2.2  can "читать чертежи"  knows "виды швов" }
module ПМ.03 "Контроль" {
  activity ВД-2
  covers ПК-3.1, ПК-2.2
}
"""


@pytest.mark.parametrize("example", ["welding", "files"])
def test_a_check_for_one_file_gives_that_files_diagnostics_of_the_whole_check(example: str, tmp_path: Path) -> None:
    """`check_scope(only=…)`, as the language server checks the edited file: for every file of the
    scope the same diagnostics in it — the welding example (standard, modules, bundles, program), and
    two files with C210, C211, C212, C220 and C222 in each."""
    import constructor
    from constructor.graph import check_scope

    if example == "welding":
        start = Path(__file__).parents[1] / "catalogs" / "examples" / "welding" / "program.comp"
    else:
        (tmp_path / "constructor.toml").write_text("")
        (tmp_path / "catalog.comp").write_text(_CATALOG, encoding="utf-8")
        start = tmp_path / "main.comp"
        start.write_text(_MAIN, encoding="utf-8")
    cat = constructor.load([start], start.parent if example == "files" else None).catalog
    program = next(f.path for f in cat.files if f.path.endswith(start.name))
    scope = cat.visible(program)
    table = cat.table(scope)
    everything = check_scope(table, CompetencyGraph(table))
    if example == "files":
        for shown in scope:  # each kind of diagnostic the per-declaration checks give, in each file
            assert {"C210", "C211", "C220", "C222"} <= {d.code for d in everything if d.span and d.span.file == shown}
    for shown in scope:
        mine = check_scope(table, CompetencyGraph(table), only={shown})
        assert [d for d in mine if d.span and d.span.file == shown] == [
            d for d in everything if d.span and d.span.file == shown
        ], shown


def test_an_activity_s_uncovered_competencies_are_listed_in_code_order(tmp_path: Path) -> None:
    """C302 listed «ПК-1.4, ПК-1.3, ПК-1.1, ПК-1.2», the order the file declared them (a newcomer)."""
    import constructor

    comps = "\n".join(f'competency ПК-1.{k} "т" {{ activity ВД-1  hours theory 10 }}' for k in (4, 3, 10, 1, 2))
    path = tmp_path / "p.comp"
    path.write_text(
        'activity ВД-1 "Вид"\n' + comps + "\n"
        'module ПМ.01 "М" { activity ВД-1  covers ПК-1.3  course МДК.01.01 "К" { covers ПК-1.3 }'
        "  practice УП.01 educational 36 h  attestation qualification_exam }\n"
        'program П "П" { core ПМ.01 }\n',
        encoding="utf-8",
    )
    (said,) = [d for d in constructor.check([path]).diagnostics if d.code == "C302"]
    assert str(said.message.args["codes"]).startswith("ПК-1.1, ПК-1.2, ПК-1.4, ПК-1.10")
