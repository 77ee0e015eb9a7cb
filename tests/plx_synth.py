"""Synthetic ИС «Планы» `.plx` files, written from the structure in ../shared/formats/plx.md (real plan
files carry officials' names and no licence, so none is in the repository).

`PLAN` describes a small 09.02.07 plan as real files write it: ОГСЭ, ЕН, ОП, a module with two МДК, its
practices and exam, an elective group, ПДП and the ГИА parts; hours by kind and term, forms by term,
competencies written `ОК 1` / `ОК 02.` / `ПК 1.1`, a code with leading spaces and a Latin `M`, an unknown
table and unknown fields. `plx(PLAN)` gives the file's bytes (UTF-16 with a BOM, or UTF-8).
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import quoteattr

# work kinds: 101 Лек, 102 Лаб, 103 Пр, 107 СР, 108 Контроль, 114 КРП, 141 Конс, 1000 Итого, 51 weeks
# forms: 1 Эк, 2 За, 3 ЗаО, 4 КП; object types: 1 module, 2 discipline/МДК, 3 practice, 4 control,
# 5 elective block, 6 ГИА
# fmt: off
PLAN: dict[str, Any] = {
    "specialty": ("09.02.07", "Информационные системы и программирование"),
    "order": ("1547", "2016-12-09T00:00:00"),
    "head": {"Квалификация": "Программист", "ГодНачалаПодготовки": "2025", "КодФормыОбучения": "1", "СрокОбучения": "3", "СрокОбученияМесяцев": "10", "СеместровНаКурсе": "2", "Примечание": "Пояснительная записка (синтетический пример).\nВторая строка."},
    "cycles": [
        ("-1", "ОГСЭ", "Общий гуманитарный и социально-экономический цикл", None),
        ("-2", "ЕН", "Математический и общий естественнонаучный цикл", None),
        ("-3", "П", "Профессиональный цикл", None),
        ("-4", "ОП", "Общепрофессиональные дисциплины", "-3"),
        ("-5", "ПМ", "Профессиональные модули", "-3"),
        ("-6", "ПДП", "Производственная практика (преддипломная)", None),
        ("-7", "ГИА", "Государственная итоговая аттестация", None),
    ],
    # key, code as written, title, type, ВидОбъекта, ВидПрактики, cycle key, parent key, counted,
    # {term: {work kind: hours}}, {term: [forms]}
    "rows": [
        ("-10", "ОГСЭ.01", "Основы философии", 2, 1, None, "-1", None, True, {3: {101: 32, 103: 12, 107: 4}}, {3: [3]}),
        ("-11", "ОГСЭ.04", "Физическая культура", 2, 1, None, "-1", None, True, {1: {103: 30, 107: 2}, 2: {103: 36, 107: 4}}, {1: [2], 2: [3]}),
        ("-12", " ЕН.01", "Элементы высшей математики", 2, 1, None, "-2", None, True, {1: {101: 40, 103: 38, 141: 4, 108: 6}}, {1: [1]}),
        ("-13", "ОГСЭ.ДВ.01", "Дисциплины по выбору", 5, 1, None, "-1", None, True, {}, {}),
        ("-14", "ОГСЭ.ДВ.01.01", "Социальная психология", 2, 3, None, "-1", "-13", True, {4: {101: 20, 103: 16}}, {4: [2]}),
        ("-15", "ОГСЭ.ДВ.01.02", "Основы права", 2, 3, None, "-1", "-13", False, {4: {101: 20, 103: 16}}, {4: [2]}),
        ("-16", "ОП.01", "Операционные системы и среды", 2, 1, None, "-4", None, True, {2: {101: 30, 102: 40, 107: 2, 108: 6}}, {2: [1]}),
        ("-20", "ПM.01", "Разработка модулей программного обеспечения", 1, 1, None, "-5", None, True, {}, {}),
        ("-21", "МДК.01.01", "Разработка программных модулей", 2, 1, None, "-5", "-20", True, {3: {101: 40, 103: 60}, 4: {101: 20, 103: 40, 114: 20, 141: 4, 108: 6}}, {4: [1, 4]}),
        ("-22", "МДК.01.02", "Поддержка и тестирование программных модулей", 2, 1, None, "-5", "-20", True, {4: {101: 30, 103: 60}}, {4: [3]}),
        ("-23", "УП.01", "Учебная практика", 3, 1, 6, "-5", "-20", True, {4: {1000: 72}}, {4: [3]}),
        ("-24", "ПП.01", "Производственная практика", 3, 1, 7, "-5", "-20", True, {4: {1000: 108}}, {4: [3]}),
        ("-25", "ПM.01.ЭК", "Экзамен по модулю", 4, 1, None, "-5", "-20", True, {4: {1000: 12}}, {4: [1]}),
        ("-30", "ПДП", "Производственная практика (преддипломная)", 3, 1, 72, "-6", None, True, {8: {1000: 144}}, {8: [3]}),
        ("-31", "ГИА.01", "Подготовка выпускной квалификационной работы", 6, 1, None, "-7", None, True, {8: {1000: 144}}, {}),
        ("-32", "ГИА.02", "Защита выпускной квалификационной работы", 6, 1, None, "-7", None, True, {8: {1000: 72}}, {}),
    ],
    # the calendar: (year, half) → the kind of each week: 1 Т, 3 Э, 5 П, 7 Д, 11 Г, 12 К
    "calendar": {
        **{(y, 1): [1] * 16 + [3] + [12] * 2 for y in (1, 2, 3, 4)},
        **{(y, 2): [1] * 22 + [3] + [12] * 10 for y in (1, 2, 3)},
        (4, 2): [1] * 12 + [3] + [5] * 4 + [7] * 4 + [11] * 2,
    },
    "activities": [("-40", "Разработка модулей программного обеспечения для компьютерных систем")],
    "competencies": [
        ("-50", "ОК 1", "Выбирать способы решения задач", None),
        ('-51', 'ОК 02.', 'Осуществлять поиск и анализ информации', None),
        ('-52', 'ПК 1.1', 'Формировать алгоритмы разработки программных модулей', '-40'),
        ('-53', 'ПК 1.2', 'Разрабатывать программные модули', '-40'),
    ],
    "matrix": [('-50', '-10'), ('-51', '-12'), ('-50', '-16'), ('-52', '-21'), ('-53', '-21'), ('-53', '-22'), ('-52', '-23'), ('-53', '-24'), ('-50', '-20')],
}
# fmt: on


def _el(name: str, **attrs: object) -> str:
    fields = "".join(f" {k}={quoteattr(str(v))}" for k, v in attrs.items() if v is not None)
    return f"    <{name}{fields} />\n"


def plx(plan: dict[str, Any] = PLAN, encoding: str = "utf-16") -> bytes:
    """The `.plx` file of a described plan."""
    out = [
        f'<?xml version="1.0" encoding="{encoding}"?>\n',
        '<Документ Тип="РАБОЧИЙ УЧЕБНЫЙ ПЛАН" ТипГОСа="4" СеместровНаКурсе="2">\n',
        '  <diffgr:diffgram xmlns:diffgr="urn:schemas-microsoft-com:xml-diffgram-v1" '
        'xmlns:msdata="urn:schemas-microsoft-com:xml-msdata">\n',
        '  <dsMMISDB xmlns="http://tempuri.org/dsMMISDB.xsd">\n',
    ]
    code, title = plan["specialty"]
    number, date = plan["order"]
    out.append(_el("ООП", Код="1", Шифр=code, Название=title, НомерДокумента=number, ДатаДокумента=date))
    out.append(_el("Планы", Код="1", КодООП="1", **plan["head"]))
    out.append(_el("СправочникВидыРабот", Код="101", Название="Лекции"))  # a dictionary the reader ignores
    out.append(_el("НеизвестнаяТаблица", Код="1", Поле="значение"))
    for key, ident, name, parent in plan["cycles"]:
        out.append(_el("ПланыЦиклы", Код=key, Идентификатор=ident, Цикл=name, КодРодителя=parent))
    cell = 0
    for key, idx, name, kind, vid, practice, block, parent, counted, hours, forms in plan["rows"]:
        planned = sum(h for term in hours.values() for work, h in term.items() if work != 51)
        out.append(
            _el(
                "ПланыСтроки",
                Код=key,
                ДисциплинаКод=idx,
                Дисциплина=name,
                ТипОбъекта=kind,
                ВидОбъекта=vid,
                ВидПрактики=practice,
                КодБлока=block,
                КодРодителя=parent,
                ЧасовПоПлану=planned,
                СчитатьВПлане="true" if counted else "false",
                НовоеПоле="x",
            )
        )
        # hours of each kind of work (and their Итого, 1000) by term, then the forms of control (amount 1)
        cells = [
            (term, work, h)
            for term, works in sorted(hours.items())
            for work, h in sorted({**works, 1000: sum(works.values())}.items())
        ]
        cells += [(term, f, 1) for term, fs in sorted(forms.items()) for f in fs]
        for term, work, amount in cells:
            cell += 1
            out.append(
                _el(
                    "ПланыНовыеЧасы",
                    Код=cell,
                    КодОбъекта=key,
                    КодВидаРаботы=work,
                    КодТипаЧасов=1,
                    Курс=(term - 1) // 2 + 1,
                    Семестр=(term - 1) % 2 + 1,
                    Количество=amount,
                )
            )
    for key, name in plan["activities"]:
        out.append(_el("ВидыДеятельности", Код=key, Наименование=name))
    for key, code_, name, activity in plan["competencies"]:
        out.append(
            _el("ПланыКомпетенции", Код=key, ШифрКомпетенции=code_, Наименование=name, КодВидаДеятельности=activity)
        )
    for comp, row in plan["matrix"]:
        out.append(_el("ПланыКомпетенцииДисциплины", КодКомпетенции=comp, КодСтроки=row))
    for key, form, members in plan.get("complex", []):  # complex forms of control: a form, its rows
        out.append(_el("КомплексныеФК", Код=key, КодВидаРабот=form))
        for row in members:
            cell += 1
            out.append(_el("Строки_КомплексныеФК", Код=cell, КодКомплексногоФК=key, КодСтроки=row))
    for (course, half), weeks in sorted(plan.get("calendar", {}).items()):
        for number, kind in enumerate(weeks, 1 if half == 1 else 27):
            cell += 1
            out.append(
                _el(
                    "ПланыГрафикиЯчейки",
                    Код=cell,
                    Курс=course,
                    Семестр=half,
                    НомерНедели=number,
                    НомерЧастиНедели=1,
                    КодВидаДеятельности=kind,
                )
            )
    out.append("  </dsMMISDB>\n  </diffgr:diffgram>\n</Документ>\n")
    text = "".join(out)
    return ("\ufeff" + text).encode("utf-16-le") if encoding == "utf-16" else text.encode("utf-8")


# ---------------------------------------------------------------- the Excel export (`.plx.xlsx`)
# The «План» sheet as ../shared/formats/plx.md describes it: Считать в плане, Индекс, Наименование, the
# forms of control (each cell the terms written together: «34»), Итого акад. часов, then for each Курс
# and Семестр: Итого, Лек, Лаб, Пр, КРП, ИП, Конс, СР, ПАтт. Three header rows (groups, terms, columns).
FORM_COLUMNS = (("Экзамен", 1), ("Зачет", 2), ("Зачет с оц.", 3), ("КП", 4), ("КР", 5))
TERM_COLUMNS = (("Итого", None), ("Лек", 101), ("Лаб", 102), ("Пр", 103), ("КРП", 114), ("ИП", 140), ("Конс", 141))
TERM_COLUMNS += (("СР", 107), ("ПАтт", 108))


def plx_xlsx(plan: dict[str, Any] = PLAN, years: int = 4) -> bytes:
    """The ИС «Планы» Excel export of a described plan: sheets Титул, План and Компетенции."""
    import io

    from openpyxl import Workbook

    wb = Workbook()
    title = wb.active
    assert title is not None
    title.title = "Титул"
    code, name = plan["specialty"]
    number, date = plan["order"]
    head = plan["head"]
    day = date[:10].split("-")
    for row in (
        ["РАБОЧИЙ УЧЕБНЫЙ ПЛАН"],
        [],
        ["Специальность", None, f"{code} {name}"],
        ["Квалификация:", None, head["Квалификация"]],
        ["Год начала подготовки", None, int(head["ГодНачалаПодготовки"])],
        ["Срок обучения", None, f"{head['СрокОбучения']}г {head['СрокОбученияМесяцев']}м"],
        ["Форма обучения", None, "очная"],
        ["Приказ", None, f"от {day[2]}.{day[1]}.{day[0]} № {number}"],
    ):
        title.append(row)
    sheet = wb.create_sheet("План")
    top = ["Считать в плане", "Индекс", "Наименование", "Форма контроля", None, None, None, None]
    top += ["Итого акад.часов", None]
    middle = [None] * len(top)
    bottom = [None, None, None, *(f for f, _ in FORM_COLUMNS), "По плану", "С преп."]
    for course in range(1, years + 1):
        for half in (1, 2):
            top += [f"Курс {course}" if half == 1 else None] + [None] * (len(TERM_COLUMNS) - 1)
            middle += [f"Семестр {half}"] + [None] * (len(TERM_COLUMNS) - 1)
            bottom += [c for c, _ in TERM_COLUMNS]
    for row in (top, middle, bottom):
        sheet.append(row)
    by_cycle: dict[str, list[Any]] = {}
    for r in plan["rows"]:
        by_cycle.setdefault(r[6], []).append(r)
    for key, ident, cycle_name, _ in plan["cycles"]:
        counted_rows = [r for r in by_cycle.get(key, []) if r[8] and r[3] not in (1, 5)]  # a cycle's sums, as
        sums: list[Any] = [None, ident, cycle_name, *([None] * len(FORM_COLUMNS))]  # real exports have them
        if ident == "П":  # some exports write a cycle's index and title in one cell
            sums[1:3] = [f"{ident}.{cycle_name.upper()}", None]
        sums += [sum(h for r in counted_rows for works in r[9].values() for h in works.values()) or None, None]
        for term in range(1, 2 * years + 1):
            for _, work in TERM_COLUMNS:
                cells = [r[9].get(term, {}) for r in counted_rows]
                value = sum(sum(w.values()) if work is None else w.get(work, 0) for w in cells)
                sums.append(value or None)
        sheet.append(sums)
        for _, idx, row_name, _, _, _, _, _, counted, hours, forms in by_cycle.get(key, []):
            line: list[Any] = ["+" if counted else "-", idx, row_name]
            for _, form in FORM_COLUMNS:
                line.append("".join(str(t) for t in sorted(forms) if form in forms[t]) or None)
            planned = sum(h for works in hours.values() for h in works.values())
            line += [planned or None, None]
            for term in range(1, 2 * years + 1):
                works = hours.get(term, {})
                for _, work in TERM_COLUMNS:
                    if work is None:
                        line.append(sum(works.values()) or None)
                    else:
                        line.append(works.get(work) or (works.get(104) if work == 103 else None) or None)
            sheet.append(line)
    comps = wb.create_sheet("Компетенции")
    comps.append(["Индекс", "Содержание"])
    keys = {r[0]: r[1] for r in plan["rows"]}
    for _, comp_code, comp_name, _ in plan["competencies"]:
        comps.append([comp_code, comp_name])
    comps.append([])
    comps.append(["Индекс", "Наименование", "Формируемые компетенции"])
    codes = {k: c for k, c, _, _ in plan["competencies"]}
    linked: dict[str, list[str]] = {}
    for comp, row in plan["matrix"]:
        linked.setdefault(row, []).append(codes[comp])
    for row, comp_codes in linked.items():
        comps.append([keys[row], None, "; ".join(comp_codes)])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
