"""Metrics against CurricularAnalytics.jl's own reference values; CSV and CASE round trips."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from constructor.cli import main
from constructor.graph.metrics import compute, naive
from constructor.interop import ca
from constructor.interop.convert import to_comp

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "catalogs" / "examples" / "welding" / "program.comp"
SCHEMA = json.loads((Path(__file__).parent / "data" / "case" / "case-v1p0-cfpackage-schema.json").read_text())


def test_reference_curriculum_of_eight_courses() -> None:
    # CurricularAnalytics.jl tests: A→C pre, B→C pre, D→C co, C→E pre, D→F pre, G and H isolated
    m = compute(list("ABCDEFGH"), [("A", "C"), ("B", "C"), ("D", "C"), ("C", "E"), ("D", "F")])
    assert m.delay == [3, 3, 3, 3, 3, 2, 1, 1]
    assert m.blocking == [2, 2, 1, 3, 0, 0, 0, 0]
    assert m.centrality == [0, 0, 9, 0, 0, 0, 0, 0]
    assert m.complexity == [5, 5, 4, 6, 3, 2, 1, 1]
    assert m.totals() == {"blocking": 8, "delay": 19, "centrality": 9, "complexity": 27}


def test_reference_curriculum_of_seven_courses() -> None:
    edges = [("A", "B"), ("A", "C"), ("B", "D"), ("C", "D"), ("C", "E"), ("D", "F"), ("D", "G"), ("G", "F")]
    m = compute(list("ABCDEFG"), edges)
    assert m.delay == [5, 5, 5, 5, 3, 5, 5]
    assert m.blocking == [6, 3, 4, 2, 0, 0, 1]
    assert m.centrality == [0, 9, 12, 18, 0, 0, 10]
    assert m.complexity == [11, 8, 9, 7, 3, 5, 6]
    assert m.totals() == {"blocking": 16, "delay": 33, "centrality": 49, "complexity": 49}


def test_diamond_and_quarter_rounding() -> None:
    diamond = [("A", "B"), ("A", "C"), ("B", "D"), ("C", "D")]
    assert compute(list("ABCD"), diamond).totals()["delay"] == 12
    q = compute(list("ABCD"), diamond, quarter=True)
    expected = [round(2 / 3 * x, 1) for x in (3 + 3, 3 + 1, 3 + 1, 3 + 0)]
    assert q.complexity == expected
    assert q.totals()["complexity"] == round(sum(q.complexity), 1)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 9).flatmap(lambda n: st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)))))
def test_centrality_equals_path_enumeration(pairs: list[tuple[int, int]]) -> None:
    n = max([0, *(max(p) for p in pairs)]) + 1
    ids = [f"c{i}" for i in range(n)]
    edges = [(ids[a], ids[b]) for a, b in pairs if a < b]  # forward only: acyclic
    m = compute(ids, edges)
    assert dict(zip(ids, m.centrality, strict=True)) == dict(naive(ids, edges))


CSV = """Curriculum,Example Curriculum,,,,,,,,
Institution,Example University,,,,,,,,
Degree Type,BS,,,,,,,,
System Type,semester,,,,,,,,
CIP,11.0701,,,,,,,,
Courses,,,,,,,,,
{columns}
1,A,MATH,101,,,,4,,
2,Elective,MATH,102,,,,3,,
3,C,CS,201,1;2,4,,3.5,,Intro
4,D,CS,202,,,,3,,
5,Elective,CS,301,3,,4,3,,
6,F,CS,302,4,,,3,,
7,G,CS,303,,,,3,,
8,H,CS,304,,,,3,,
""".format(columns=",".join(ca.COLUMNS[:-1]))


def test_csv_import_export_import_is_lossless(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "cur.csv").write_text("\ufeff" + CSV, encoding="utf-8")  # a BOM is tolerated
    assert main(["import", "ca", str(tmp_path / "cur.csv"), "-o", str(tmp_path / "cur.comp")]) == 0
    assert main(["check", str(tmp_path / "cur.comp")]) == 0
    assert main(["export", "ca", str(tmp_path / "cur.comp"), "-o", str(tmp_path / "back.csv")]) == 0
    capsys.readouterr()
    first, _ = ca.read(CSV, "a.csv")
    back, diags = ca.read((tmp_path / "back.csv").read_text(encoding="utf-8"), "b.csv")
    assert diags == []
    strip = [dict(vars(c), line=0) for c in first.courses]
    assert [dict(vars(c), line=0) for c in back.courses] == strip
    assert back.headers == first.headers
    assert to_comp(back, "x") == to_comp(first, "x")
    names = [c.name for c in first.courses]
    assert names.count("Elective") == 2  # IDs, not names, are identities


def test_metrics_of_a_csv_in_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cur.csv"
    path.write_text(CSV, encoding="utf-8")
    assert main(["metrics", "--format", "json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [i["id"] for i in data["items"]] == [str(i) for i in range(1, 9)]
    assert set(data["total"]) == {"blocking", "delay", "centrality", "complexity"}
    assert main(["metrics", "--format", "csv", str(path)]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[6].endswith("Complexity,Blocking,Delay,Centrality")
    assert rows[7].startswith("1,A,MATH,101") and rows[7].count(",") == rows[6].count(",")


def test_metrics_of_a_comp_file_with_or_choices(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["metrics", "--format", "json", str(EXAMPLE)]) == 0
    data = json.loads(capsys.readouterr().out)
    choices = data["choices"]
    assert choices["exact"] and choices["low"] <= choices["high"] and choices["groups"] == 3
    assert data["total"]["complexity"] == choices["low"]


def test_metrics_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.csv"
    new = tmp_path / "new.csv"
    old.write_text(CSV, encoding="utf-8")
    new.write_text(CSV.replace("6,F,CS,302,4,,,3,,", "6,F,CS,302,4;5,,,3,,"), encoding="utf-8")
    assert main(["metrics", "--diff", str(old), str(new), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    rose = {c["id"] for c in data["changed"] if c["after"] > c["before"]}
    assert "5" in rose and data["total"]["after"]["complexity"] > data["total"]["before"]["complexity"]


def test_case_export_is_valid_deterministic_and_reads_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pkg.json"
    assert main(["export", "case", str(EXAMPLE), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    pkg = json.loads(text)
    jsonschema.validate(pkg, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert main(["export", "case", str(EXAMPLE), "-o", str(tmp_path / "again.json")]) == 0
    assert (tmp_path / "again.json").read_text(encoding="utf-8") == text
    items = {i["humanCodingScheme"]: i for i in pkg["CFItems"]}
    assert items["ПК-1.1"]["CFItemType"] == "Competency" and items["ПМ.01"]["CFItemType"] == "Module"
    kinds = {a["associationType"] for a in pkg["CFAssociations"]}
    assert {"isChildOf", "isPartOf", "precedes", "isRelatedTo"} <= kinds
    assert main(["import", "case", str(out), "-o", str(tmp_path / "back.comp")]) == 0
    back = (tmp_path / "back.comp").read_text(encoding="utf-8")
    assert "requires ПК-1.3" in back and "requires ПК-2.1 or ПК-2.2" in back
    capsys.readouterr()
    assert main(["check", str(tmp_path / "back.comp")]) == 0


def test_a_hostile_case_package_is_refused_not_obeyed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A tester's packages: a code holding a newline and a declaration of its own was written into the
    `.comp` as three competencies; an association to an unknown item, a missing origin, mixed sequence
    numbers, a number for an association and deep nesting were internal errors; a FIFO hung. Each is
    C036 (or C005 for what is not a regular file), and nothing is written."""
    out = tmp_path / "pkg.json"
    assert main(["export", "case", str(EXAMPLE), "-o", str(out)]) == 0
    good = json.loads(out.read_text(encoding="utf-8"))
    item = next(i for i in good["CFItems"] if i["humanCodingScheme"] == "ПК-1.1")
    links = good["CFAssociations"]
    coreq = {
        "associationType": "isRelatedTo",
        "originNodeURI": {"identifier": item["identifier"]},
        "destinationNodeURI": {"identifier": item["identifier"]},
        "extensions": {"relation": "corequisite"},
    }
    hostile = {
        "code": {**good, "CFItems": [{**item, "humanCodingScheme": 'ПК-1.1 "x"\ncompetency ПК-6.6 "y"'}]},
        "origin": {**good, "CFAssociations": [{**coreq, "originNodeURI": {"identifier": "nope"}}]},
        "no-origin": {**good, "CFAssociations": [{k: v for k, v in links[0].items() if k != "originNodeURI"}]},
        "sequence": {**good, "CFAssociations": [{**links[0], "sequenceNumber": "a"}, links[1]]},
        "number": {**good, "CFAssociations": [1]},
        "items": {**good, "CFItems": "ПК-1.1"},
        "kind": {**good, "CFItems": [{**item, "extensions": {"kind": 'general }\nuse "x.comp"'}}]},
    }
    for name, package in hostile.items():
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
        target = tmp_path / f"{name}.comp"
        assert main(["import", "case", str(path), "-o", str(target), "--lang", "en"]) == 1, name
        assert "C036" in capsys.readouterr().err and not target.exists(), name
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    assert main(["import", "case", str(deep), "-o", str(tmp_path / "deep.comp")]) == 1
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    assert main(["import", "case", str(fifo), "-o", str(tmp_path / "fifo.comp"), "--lang", "en"]) == 1
    assert "C005" in capsys.readouterr().err


def test_degree_plan_export_and_plan_metrics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plan.csv"
    assert main(["export", "ca", "--plan", str(EXAMPLE), "-o", str(out)]) == 0
    cur, diags = ca.read(out.read_text(encoding="utf-8"), "plan.csv")
    assert diags == [] and cur.degree_plan
    terms = {c.id: c.term for c in cur.courses}
    assert terms["ПК-1.4"] == "1" and all(t.isdigit() for t in terms.values() if t)
    assert main(["metrics", "--plan", str(EXAMPLE)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["requisite_distance"] > 0 and len(data["terms"]) == 6
    assert all(0 < t["load"] <= 1 for t in data["terms"])


def test_a_large_csv_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [f"{i},Course {i},X,{i},{';'.join(str(j) for j in (i - 1, i - 7) if j > 0)},,,3,," for i in range(1, 20001)]
    (tmp_path / "big.csv").write_text(CSV.split("1,A,")[0] + "\n".join(rows) + "\n", encoding="utf-8")
    assert main(["metrics", "--format", "json", str(tmp_path / "big.csv")]) == 0
    assert len(json.loads(capsys.readouterr().out)["items"]) == 20000


def test_path_counts_of_thousands_of_digits_are_printed(capsys: pytest.CaptureFixture[str]) -> None:
    from constructor.reports import metrics as metrics_report

    n = 16500  # every course needs the three before it: path counts grow like tribonacci numbers
    ids = [str(i) for i in range(n)]
    edges = [(ids[j], ids[i]) for i in range(n) for j in (i - 1, i - 2, i - 3) if j >= 0]
    m = compute(ids, edges)
    assert max(m.centrality).bit_length() > 4300 * 3.33  # more digits than Python prints by default
    data = json.loads(metrics_report.to_json(m, {}))
    assert data["total"]["centrality"] == sum(m.centrality)


def test_an_unknown_system_type_is_read_as_semesters_with_a_warning_at_its_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        "Curriculum,Test\nSystem Type,semster\nCourses\n"
        "Course ID,Course Name,Prefix,Number,Prerequisites,Corequisites,Strict-Corequisites,Credit Hours\n"
        "1,A,X,1,,,,3\n2,B,X,2,1,,,3\n",
        encoding="utf-8",
    )
    assert main(["metrics", "--lang", "en", str(path)]) == 0
    out = capsys.readouterr()
    said = out.out + out.err
    assert "C037" in said and f"{path.name}:2:13" in said.replace(str(path), path.name)


def test_export_ca_says_what_the_csv_cannot_carry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.comp").write_text(
        'competency ПК-1.1 "а"\ncompetency ПК-1.2 "б"\ncompetency ПК-1.3 "в" { requires ПК-1.1 or ПК-1.2 }\n',
        encoding="utf-8",
    )
    assert main(["export", "ca", "--lang", "en", str(tmp_path / "p.comp"), "-o", str(tmp_path / "p.csv")]) == 0
    err = capsys.readouterr().err
    assert err.count("C038") == 3 and "`ПК-1.3`" in err and (tmp_path / "p.csv").exists()
