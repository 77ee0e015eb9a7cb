"""The shipped catalogs: clean under `check`, real codes, and together they use every construct."""

from __future__ import annotations

from pathlib import Path

import constructor
from constructor.model import Competency, CompetencyKind, Module, Program, Standard
from constructor.syntax.grammar import parser

CATALOGS = Path(__file__).parents[1] / "catalogs"


def test_all_catalogs_check_clean_without_warnings() -> None:
    result = constructor.check([CATALOGS])
    # the one warning: the welding example follows the 2014 standard 22.02.06, which 15.02.19 superseded
    assert [d.code for d in result.diagnostics] == ["C335"]
    span = result.diagnostics[0].span
    assert span is not None and span.file.endswith("examples/welding/program.comp")
    assert len(result.catalog.files) >= 7


def test_catalogs_use_every_construct_of_the_grammar() -> None:
    used: set[str] = set()
    for path in CATALOGS.rglob("*.comp"):
        tree = parser().parse(path.read_text(encoding="utf-8"))
        used |= {str(t.data) for t in tree.iter_subtrees()}
    rules = {str(r.origin.name) for r in parser().rules if not str(r.origin.name).startswith("_")}
    assert rules - used == set(), "constructs no catalog shows"


def test_every_keyword_spelling_russian_and_english_is_exercised() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in CATALOGS.rglob("*.comp"))
    for word in ("компетенция", "требует", "часы", "или", "и", "использовать", "competency", "requires", "or"):
        assert f" {word} " in f" {text} ".replace("\n", " ")


def test_welding_standard_has_the_real_structure() -> None:
    result = constructor.check([CATALOGS / "22.02.06"])
    cat = result.catalog
    std = cat.get("ФГОС-22.02.06")
    assert isinstance(std, Standard)
    assert [r.code for r in std.general] == [f"ОК-{i}" for i in range(1, 10)]  # the 2014 wording: ОК 1–9
    general = {c.code: c for c in cat.of_type(Competency) if c.code in {r.code for r in std.general}}
    assert "устойчивый интерес" in general["ОК-1"].title.value  # not the 2022 «ОК 01» text
    professional = sorted(
        d.code for d in cat.of_type(Competency) if isinstance(d, Competency) and d.kind is CompetencyKind.PROFESSIONAL
    )
    assert len(professional) == 18  # ПК 1.1–1.4, 2.1–2.5, 3.1–3.4, 4.1–4.5
    for mod in cat.of_type(Module):
        assert isinstance(mod, Module)
        number = int(mod.code.split(".")[1])
        assert mod.activity is not None and mod.activity.code == f"ВД-{number}"
        assert mod.courses and mod.practices and mod.attestation is not None
        for ref in mod.covers:
            comp = cat.get(ref.code)
            assert isinstance(comp, Competency)
            if comp.kind is CompetencyKind.GENERAL:
                continue  # ОК 1–9: every module forms them, under no activity
            assert comp.activity is not None
            assert comp.activity.code == f"ВД-{number}", f"{ref.code} is not under {mod.code}'s activity"


def test_example_program_is_the_professionalitet_case() -> None:
    result = constructor.check([CATALOGS / "examples" / "welding" / "program.comp"])
    prog = result.catalog.get("22.02.06-ПРОФ")
    assert isinstance(prog, Program)
    assert (str(prog.target), prog.base is not None and prog.base.value) == ("2y10m", "9")
    std = result.catalog.get(prog.standard.code if prog.standard else "")
    assert isinstance(std, Standard)
    assert str(std.baseline[prog.base]) == "3y10m"  # type: ignore[index]


def test_catalog_files_name_their_sources() -> None:
    for path in (
        CATALOGS / "fgos" / "general.comp",
        CATALOGS / "22.02.06" / "standard.comp",
        CATALOGS / "09.02.07" / "standard.comp",
    ):
        head = path.read_text(encoding="utf-8")[:1500]
        assert "Источник" in head and ("приказ" in head.lower() or "ФГОС" in head)
