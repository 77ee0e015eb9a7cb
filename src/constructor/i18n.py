"""Messages in Russian and English.

A message is built once, as a key and arguments, and put into words only when it is shown: the
same diagnostics can then be printed in either language (`--lang`) and kept in JSON.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["ru", "en"]
LANGS: tuple[Lang, ...] = ("ru", "en")
# The language a keyword is shown in while a diagnostic of a file is rendered: the file's own (a Russian
# file is told about `требует`, an English one about `requires`), whatever the messages' language.
KEYWORD_LANG: ContextVar[Lang | None] = ContextVar("keyword_lang", default=None)


@dataclass(frozen=True)
class Kw:
    """A keyword, shown in the reader's language (`requires` or `требует`)."""

    name: str  # canonical terminal name, e.g. "REQUIRES"


@dataclass(frozen=True)
class Msg:
    """A message key with its arguments; see `MESSAGES` for the words."""

    key: str
    args: Mapping[str, Arg] = field(default_factory=dict)

    def text(self, lang: Lang) -> str:
        ru, en = MESSAGES[self.key]
        template = ru if lang == "ru" else en
        return template.format(**{k: show(v, lang) for k, v in self.args.items()})


@dataclass(frozen=True)
class OneOf:
    """A list shown as "`a`, `b` or `c`" in the reader's language."""

    items: Sequence[Arg]
    conjunction: Literal["or", "and"] = "or"


@dataclass(frozen=True)
class Dur:
    """A duration (`2y10m`), shown in words in the reader's language: «2 года 10 месяцев»."""

    text: str


@dataclass(frozen=True)
class Count:
    """A number with its noun, agreeing in the reader's language: Count(4, "term") → «4 семестра»."""

    n: int
    noun: str


Arg = str | int | Msg | Kw | OneOf | Dur | Count


def show(arg: Arg, lang: Lang) -> str:
    if isinstance(arg, Msg):
        return arg.text(lang)
    if isinstance(arg, Kw):
        from constructor.syntax.keywords import spelling

        return f"`{spelling(arg.name, KEYWORD_LANG.get() or lang)}`"
    if isinstance(arg, Count):
        from constructor.words import noun

        return noun(arg.n, arg.noun, lang)
    if isinstance(arg, Dur):
        from constructor.words import duration

        return duration(arg.text, lang)
    if isinstance(arg, OneOf):
        parts = [show(item, lang) for item in arg.items]
        if len(parts) <= 1:
            return "".join(parts)
        word = {("ru", "or"): "или", ("ru", "and"): "и"}.get((lang, arg.conjunction), arg.conjunction)
        return ", ".join(parts[:-1]) + f" {word} " + parts[-1]
    text = str(arg)
    # a value echoed from the file is shown in part when huge (a 5,000-digit "number" is not read aloud)
    return text if len(text) <= MAX_SHOWN_ARG else text[: MAX_SHOWN_ARG // 2] + "…" + text[-20:]


MAX_SHOWN_ARG = 200


def default_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """The language of the user's locale: English when it says so, Russian otherwise."""
    env = os.environ if environ is None else environ
    for name in ("CONSTRUCTOR_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "ru"
    return "ru"


# key: (Russian, English). Messages are lowercase, short, with no trailing period.
MESSAGES: dict[str, tuple[str, str]] = {
    # files
    "file-not-found": ("файл не найден: `{path}`", "file not found: `{path}`"),
    "file-unreadable": ("не удаётся прочитать `{path}`: {reason}", "cannot read `{path}`: {reason}"),
    "invalid-utf8": (
        "файл не в кодировке UTF-8: байт 0x{byte} не читается",
        "the file is not UTF-8: byte 0x{byte} cannot be decoded",
    ),
    "invalid-utf8.help": (
        "сохраните файл в кодировке UTF-8 (в Блокноте: «Сохранить как» → «Кодировка: UTF-8»)",
        "save the file as UTF-8 (in most editors: Save As → Encoding: UTF-8)",
    ),
    "binary-file": ("это двоичный файл, а не текст `.comp`", "this is a binary file, not `.comp` text"),
    "binary-file.help": (
        "проверьте путь: в `.comp` пишут текст, а в файле есть нулевые байты",
        "check the path: a `.comp` file is text, and this one contains NUL bytes",
    ),
    "file-too-large": (
        "файл слишком большой: {size} МБ при пределе {limit} МБ",
        "the file is too large: {size} MB, the limit is {limit} MB",
    ),
    "file-too-large.help": (
        "разделите его на несколько файлов и подключите их через `use`",
        "split it into several files joined by `use`",
    ),
    "not-a-file": ("`{path}` — это папка, а не файл", "`{path}` is a folder, not a file"),
    "not-a-regular-file": (
        "`{path}` — не обычный файл (устройство, канал или сокет): такие не читаются",
        "`{path}` is not a regular file (a device, pipe or socket): such files are not read",
    ),
    "no-comp-files": ("в `{path}` нет файлов `.comp`", "no `.comp` files in `{path}`"),
    "empty-file": ("файл пуст: в нём нет ни одного объявления", "the file is empty: it declares nothing"),
    # syntax
    "unexpected-token": ("здесь не ожидалось {found}", "unexpected {found}"),
    "unexpected-token.label": ("ожидалось {expected}", "expected {expected}"),
    "unexpected-end": ("файл оборвался на середине", "unexpected end of file"),
    "unclosed-brace": ("эта `{{` не закрыта", "this `{{` is never closed"),
    "unexpected-character": ("неожиданный символ `{char}`", "unexpected character `{char}`"),
    "unterminated-string": ("текст в кавычках не закрыт", "unterminated text"),
    "unterminated-string.label": ("кавычка открыта здесь", "the quote opens here"),
    "unterminated-string.help": (
        'закройте текст кавычкой `"` в той же строке; кавычку внутри текста пишут как `\\"`',
        'close the text with `"` on the same line; write a quote inside a text as `\\"`',
    ),
    "similar-keyword": (
        "есть ключевое слово с похожим написанием: {keyword}",
        "there is a keyword with a similar name: {keyword}",
    ),
    "keyword-misplaced": ("ключевое слово {keyword} здесь не к месту", "the keyword {keyword} does not belong here"),
    "fields-of": ("в объявлении {decl} можно написать: {fields}", "{decl} may contain: {fields}"),
    "nesting-too-deep": (
        "слишком глубокая вложенность скобок (больше {limit})",
        "parentheses are nested too deeply (more than {limit})",
    ),
    "nesting-too-deep.help": (
        "разбейте условие на несколько строк `requires`",
        "split the condition into several `requires` lines",
    ),
    "cyrillic-code-space": (
        "коды пишут без пробела: `{code}`",
        "codes are written without a space: `{code}`",
    ),
    # expected things
    "exp.code": ("код", "a code"),
    "exp.text": ("текст в кавычках", "a quoted text"),
    "exp.number": ("число", "a number"),
    "exp.word": ("слово", "a word"),
    "exp.value": ("код или значение", "a code or a value"),
    "exp.field": ("поле, например {examples}", "a field such as {examples}"),
    "exp.declaration": ("объявление, например {examples}", "a declaration such as {examples}"),
    "exp.end": ("конец файла", "the end of the file"),
    "found.token": ("`{text}`", "`{text}`"),
    "found.keyword": ("ключевое слово {keyword}", "keyword {keyword}"),
    "found.end": ("окончание файла", "end of file"),
    # values
    "invalid-number": ("`{text}` — не целое число", "`{text}` is not a whole number"),
    "invalid-number.help": (
        "напишите целое неотрицательное число, например `36` или `36 h`",
        "write a whole non-negative number, such as `36` or `36 h`",
    ),
    "invalid-credits": (
        "`{text}` — не число кредитов (например, `4` или `3.5`)",
        "`{text}` is not a number of credits (such as `4` or `3.5`)",
    ),
    "invalid-percent": ("`{text}%` — не процент от 0 до 100", "`{text}%` is not a percentage from 0 to 100"),
    "invalid-duration": ("`{text}` — не срок обучения", "`{text}` is not a duration"),
    "invalid-duration.help": (
        "срок пишут как `2y10m` (2 года 10 месяцев), `10m` или `3y`; по-русски `2г10м`",
        "write a duration as `2y10m` (2 years 10 months), `10m` or `3y`; in Russian `2г10м`",
    ),
    "unknown-word": ("неизвестное значение `{text}` для {field}", "unknown value `{text}` for {field}"),
    "unknown-word.help": ("допустимые значения: {choices}", "the values allowed are: {choices}"),
    "did-you-mean": ("возможно, имелось в виду {choice}", "the closest allowed value is {choice}"),
    "thesis-level": (
        "у защиты ВКР нет уровня: `{text}` относится только к демэкзамену",
        "a thesis has no level: `{text}` applies only to the demonstration exam",
    ),
    "invalid-link": (
        "`{text}` — не ссылка на профессиональный стандарт",
        "`{text}` is not a link to a professional standard",
    ),
    "invalid-link.help": (
        'ссылку пишут как "40.002 A/03.2": код стандарта, затем трудовая функция',
        'write a link as "40.002 A/03.2": the standard\'s code, then the labour function',
    ),
    "control-character": ("в тексте управляющий символ {char}", "a control character {char} in a text"),
    "control-character.help": (
        "его не видно, он меняет терминал и ломает DOCX и XLSX; уберите его (перевод строки — `\\n`)",
        "it is invisible, changes the terminal and breaks DOCX and XLSX; remove it (a new line is `\\n`)",
    ),
    "invalid-escape": ("неизвестная escape-последовательность `{seq}`", "unknown escape sequence `{seq}`"),
    "invalid-escape.help": (
        'внутри текста можно писать `\\"`, `\\\\`, `\\n` и `\\t`',
        'inside a text you may write `\\"`, `\\\\`, `\\n` and `\\t`',
    ),
    "duplicate-field": ("{field} указано дважды", "{field} is given twice"),
    "duplicate-field.label": ("впервые указано здесь", "first given here"),
    "duplicate-field.help": (
        "оставьте одно значение; списки можно писать через запятую",
        "keep one; lists can be written with commas",
    ),
    "bad-range": ("`{start} .. {end}` — не диапазон кодов", "`{start} .. {end}` is not a range of codes"),
    "bad-range.help": (
        "концы диапазона отличаются только последним числом, например `ОК-01 .. ОК-09`",
        "the ends of a range differ only in their last number, as in `ОК-01 .. ОК-09`",
    ),
    "range-too-long": (
        "диапазон `{start} .. {end}` содержит {count} кодов (предел {limit})",
        "the range `{start} .. {end}` holds {count} codes (the limit is {limit})",
    ),
    # CurricularAnalytics CSV
    "csv-malformed": ("CSV не читается: {reason}", "the CSV cannot be read: {reason}"),
    "csv-unknown-header": ("неизвестная строка заголовка `{text}`", "unknown header row `{text}`"),
    "csv-unknown-header.help": (
        "строки заголовка: Curriculum, Institution, Degree Type, System Type, CIP (и Degree Plan), затем Courses",
        "the header rows are Curriculum, Institution, Degree Type, System Type, CIP (and Degree Plan), then Courses",
    ),
    "csv-unknown-column": ("неизвестный столбец `{text}`: он пропущен", "unknown column `{text}`: it is skipped"),
    "csv-unknown-column.help": (
        "столбцы: Course ID, Course Name, Prefix, Number, Prerequisites, Corequisites, Strict-Corequisites, "
        "Credit Hours, Institution, Canonical Name (и Term)",
        "the columns are Course ID, Course Name, Prefix, Number, Prerequisites, Corequisites, Strict-Corequisites, "
        "Credit Hours, Institution, Canonical Name (and Term)",
    ),
    "csv-no-course-id": ("в таблице курсов нет столбца `Course ID`", "the course table has no `Course ID` column"),
    "csv-no-course-id.help": (
        "первая строка после `Courses` — названия столбцов, среди них `Course ID`",
        "the row after `Courses` names the columns, `Course ID` among them",
    ),
    "csv-no-courses": ("в файле нет строки `Courses`", "the file has no `Courses` row"),
    "csv-no-curriculum": ("в файле нет строки `Curriculum`", "the file has no `Curriculum` row"),
    "csv-no-courses.help": (
        "файл CurricularAnalytics начинается строками `Curriculum,<название>` … и `Courses`, за ними — таблица",
        "a CurricularAnalytics file starts with rows `Curriculum,<name>` … and `Courses`, then the table",
    ),
    "csv-empty-id": ("у курса пустой `Course ID`", "a course has an empty `Course ID`"),
    "csv-duplicate-id": (
        "курс `{id}` уже был в строке {first}",
        "course `{id}` was already given on line {first}",
    ),
    "csv-bad-credits": ("`{text}` — не число кредитов", "`{text}` is not a number of credit hours"),
    "csv-bad-credits.help": ("напишите число, например `3` или `3.5`", "write a number, such as `3` or `3.5`"),
    "csv-bad-system": (
        "`{text}` — не тип системы: ожидалось semester или quarter",
        "`{text}` is not a system type: semester or quarter",
    ),
    "csv-unknown-course": (
        "курс `{course}` ссылается на курс `{id}`, которого нет в файле",
        "course `{course}` names course `{id}` as a requisite, and there is no such course",
    ),
    "csv-unknown-course.help": (
        "требования — это Course ID других курсов через `;`; проверьте номер или добавьте курс",
        "requisites are the Course IDs of other courses separated by `;`: check the ID or add the course",
    ),
    "csv-cycle": ("требования курсов образуют цикл: {path}", "the courses' requisites form a cycle: {path}"),
    "csv-cycle.help": ("уберите одно из требований на этом цикле", "remove one of the requisites on this cycle"),
    "case-malformed": (
        "`{path}` — не пакет CASE: {reason}",
        "`{path}` is not a CASE package: {reason}",
    ),
    # references
    "unknown-code": ("неизвестный код `{code}`", "unknown code `{code}`"),
    "unknown-code.label": (
        "не объявлен ни в этом файле, ни в подключённых",
        "declared neither in this file nor in the files it uses",
    ),
    "unknown-code.use": (
        '`{code}` объявлен в `{file}`; подключите его: `use "{path}"`',
        '`{code}` is declared in `{file}`; use that file: `use "{path}"`',
    ),
    "unknown-code.similar": (
        "есть {kind} с похожим кодом: `{code}` «{title}»",
        "there is {kind} with a similar code: `{code}` «{title}»",
    ),
    "unknown-code.latin": (
        "в коде латинские буквы; с кириллицей он был бы `{code}`, и такой код объявлен",
        "the code has Latin letters; written in Cyrillic it is `{code}`, which is declared",
    ),
    "duplicate-definition": ("код `{code}` объявлен дважды", "`{code}` is declared twice"),
    "duplicate-definition.label": ("впервые объявлен здесь", "first declared here"),
    "duplicate-definition.help": (
        "у каждого объявления свой код; переименуйте или удалите одно из них",
        "each declaration needs its own code; rename or remove one of them",
    ),
    "wrong-kind": (
        "`{code}` — это {actual}, а {field} ждёт {expected}",
        "`{code}` is {actual}, but {field} takes {expected}",
    ),
    "wrong-kind.label": ("объявлен здесь", "declared here"),
    "use-not-found": ("подключаемый файл не найден: `{path}`", "the file to use is not found: `{path}`"),
    "use-not-found.help": (
        "путь считается от папки файла, в котором написан `use`: `{folder}`",
        "the path is relative to the folder of the file that says `use`: `{folder}`",
    ),
    "link-escapes-folder": (
        "`{path}` — ссылка на файл вне папки `{folder}`: не прочитан",
        "`{path}` links to a file outside the folder `{folder}`: not read",
    ),
    "use-escapes-root": (
        "`{path}` лежит вне корня проекта `{root}`",
        "`{path}` is outside the project root `{root}`",
    ),
    "use-escapes-root.help": (
        "подключайте файлы только из папки проекта (где лежит `constructor.toml`) или укажите `--root`",
        "use files only inside the project (the folder with `constructor.toml`), or give `--root`",
    ),
    "duplicate-use": ("`{path}` подключён дважды", "`{path}` is used twice"),
    "duplicate-use.label": ("впервые подключён здесь", "first used here"),
    "outcome-kind-mismatch": (
        "`{code}` — это {actual}, а список {field} ждёт {expected}",
        "`{code}` is {actual}, but {field} lists {expected}",
    ),
    "code-kind-mismatch": (
        "код `{code}` выглядит как {implied}, но указан тип {declared}",
        "the code `{code}` looks like {implied}, but its kind is {declared}",
    ),
    "activity-number": (
        "код вида деятельности должен кончаться номером, как `ВД-1`",
        "an activity code must end with its number, as in `ВД-1`",
    ),
    "mixed-script-code": (
        "в коде `{code}` смешаны латинские и русские буквы",
        "the code `{code}` mixes Latin and Cyrillic letters",
    ),
    "mixed-script-code.help": (
        "наберите код одной раскладкой, например `{suggestion}`: иначе ссылки на него не найдутся",
        "type the code in one script, such as `{suggestion}`: otherwise references to it will not match",
    ),
    # graph
    "cycle.requires": ("`{code}` требует это", "`{code}` requires this"),
    "cycle.corequires": ("`{code}` изучается вместе с этим", "`{code}` co-requires this"),
    "cycle.path": ("цикл из {count}: {path}", "cycle of {count}: {path}"),
    "prerequisite-cycle": ("пререквизиты образуют цикл", "prerequisites form a cycle"),
    "prerequisite-cycle.help": (
        "уберите одну из связей `requires` на этом цикле: ни одну из этих компетенций нельзя начать первой",
        "remove one of the `requires` links on this cycle: none of these competencies can be taught first",
    ),
    "self-requirement": ("`{code}` требует сама себя", "`{code}` requires itself"),
    "self-requirement.help": ("уберите `{code}` из её же `requires`", "remove `{code}` from its own `requires`"),
    "unattainable-competency": (
        "`{code}` недостижима: каждый вариант её пререквизитов упирается в цикл",
        "`{code}` can never be attained: every alternative of its prerequisites runs into a cycle",
    ),
    "unattainable-competency.help": (
        "дайте ей вариант `or`, который не ведёт обратно к ней самой",
        "give it an `or` alternative that does not lead back to itself",
    ),
    "cycle-through-alternative": (
        "цикл через вариант `or`: `{code}` достижима, но один из вариантов ведёт по кругу",
        "a cycle through an `or` alternative: `{code}` can be attained, but one alternative goes round",
    ),
    "cycle-through-alternative.help": (
        "этот вариант никогда не выберут первым; уберите его или разорвите цикл",
        "that alternative can never be taken first; remove it or break the cycle",
    ),
    "corequisite-contradiction": (
        "совместное изучение противоречит пререквизитам: `{code}` и `{other}`",
        "co-requisites contradict prerequisites: `{code}` and `{other}`",
    ),
    "corequisite-contradiction.help": (
        "`corequires` разрешает один семестр, `requires` требует более раннего; по этому кругу выходит, "
        "что компетенция идёт раньше самой себя — уберите одну из связей",
        "`corequires` allows the same term, `requires` needs an earlier one; round this walk a competency "
        "would come before itself — remove one of the links",
    ),
    "activity-mismatch": (
        "`{code}` отнесена к `{activity}`, но её номер говорит о ВД {number}",
        "`{code}` is placed under `{activity}`, but its number says activity {number}",
    ),
    "module-activity-number": (
        "модуль `{code}` отнесён к `{activity}`, но его номер говорит о ВД {number}",
        "module `{code}` is placed under `{activity}`, but its number says activity {number}",
    ),
    "module-covers-other-activity": (
        "модуль `{module}` формирует `{code}` из `{activity}`, а сам относится к `{expected}`",
        "module `{module}` covers `{code}` of `{activity}`, but the module belongs to `{expected}`",
    ),
    "module-activity.label": ("вид деятельности модуля", "the module's activity"),
    "module.declared-here": ("модуль объявлен здесь", "the module is declared here"),
    "incomplete-module": ("в модуле `{code}` нет: {missing}", "module `{code}` has no {missing}"),
    "incomplete-module.help": (
        "профессиональный модуль включает МДК, практику (учебную и/или производственную) и экзамен по модулю",
        "a professional module has a course (МДК), a practice (educational and/or production) and a module exam",
    ),
    "redundant-prerequisite": (
        "лишний пререквизит: `{code}` требует `{prerequisite}`, а это уже следует из `{other}`",
        "redundant prerequisite: `{code}` requires `{prerequisite}`, which `{other}` already implies",
    ),
    "redundant-prerequisite.label": ("уже следует из другого пререквизита", "already implied"),
    "redundant-prerequisite.through": ("через `{code}`", "through `{code}`"),
    "redundant-prerequisite.path": ("цепочка: {path}", "chain: {path}"),
    "redundant-prerequisite.help": (
        "уберите `{prerequisite}` из `requires` компетенции `{code}`",
        "remove `{prerequisite}` from the `requires` of `{code}`",
    ),
    "unused-competency": (
        "`{code}` не формирует ни один модуль и не использует ни одна программа",
        "no module covers `{code}` and nothing uses it",
    ),
    "unused-competency.help": (
        "добавьте её в `covers` модуля или удалите",
        "add it to a module's `covers`, or remove it",
    ),
    "repeated-outcome-text": (
        "один и тот же результат «{text}» записан текстом в {count} компетенциях",
        "the same outcome «{text}» is written as text in {count} competencies",
    ),
    "repeated-text.label": ("то же в `{code}`", "the same in `{code}`"),
    "repeated-outcome-text.help": (
        "объявите его один раз (`outcome КОД …`) и ссылайтесь на код: тогда его можно преподать один раз",
        "declare it once (`outcome CODE …`) and refer to its code: then it can be taught once",
    ),
    # programs
    "missing-general-competency": (
        "в программе нет {count} общих компетенций стандарта `{standard}`: {codes}",
        "the program lacks {count} general competencies of `{standard}`: {codes}",
    ),
    "missing-general-competency.help": (
        "ядро программы неизменно: перечислите в `general` все ОК стандарта",
        "the core is invariant: list every ОК of the standard in `general`",
    ),
    "uncovered-activity-competency": (
        "модуль `{module}` не формирует всех ПК своего вида `{activity}`: нет {codes}",
        "module `{module}` does not cover every ПК of its activity `{activity}`: missing {codes}",
    ),
    "uncovered-activity-competency.help": (
        "добавьте их в `covers` модуля: пакеты работодателей добавляют компетенции, но не убирают",
        "add them to the module's `covers`: bundles may add competencies, never remove them",
    ),
    "activity-without-module": (
        "у вида деятельности `{activity}` стандарта `{standard}` нет модуля в ядре программы",
        "activity `{activity}` of `{standard}` has no module in the program's core",
    ),
    "hours-exceed-duration": (
        "{total} ч не помещаются в срок {target}: при недельной нагрузке стандарта это не больше {capacity} ч",
        "{total} h do not fit in {target}: under the standard's weekly limit that is at most {capacity} h",
    ),
    "hours-exceed-duration.note": (
        "семестров в сроке: {terms}; часы — все виды работы, с учётом зачтённого и результатов, изучаемых один раз",
        "terms within it: {terms}; hours of every kind of work, after recognition and outcomes taught once",
    ),
    "hours-exceed-duration.help": (
        "сократите часы (учтите уже освоенное, не повторяйте результаты) или увеличьте срок",
        "cut hours (recognise prior learning, teach each outcome once) or lengthen the target",
    ),
    "share.minimum": ("минимума стандарта", "the standard's minimum"),
    "share.target": ("цели «Профессионалитета»", "the Professionalitet target"),
    "practice-share-low": (
        "доля практики {share}% ниже {which} ({limit}%): {practice} ч из {total} ч",
        "practice share {share}% is below {which} ({limit}%): {practice} h of {total} h",
    ),
    "variable-share-low": (
        "доля вариативной части {share}% ниже минимума стандарта ({limit}%): {variable} ч из {total} ч циклов",
        "variable share {share}% is below the standard's minimum ({limit}%): {variable} h of {total} h of the cycles",
    ),
    "variable-share-low.help": (
        "вариативная часть — компетенции ПКс, согласованные с работодателем (например, из его пакета)",
        "the variable part is ПКс competencies agreed with employers (for instance from their bundles)",
    ),
    "bundle-request-in-core": (
        "пакет `{bundle}` запрашивает `{code}`, а она уже в ядре программы `{program}`",
        "bundle `{bundle}` requests `{code}`, which is already in the core of `{program}`",
    ),
    "bundle-request-in-core.help": (
        "запрос ничего не добавляет; уберите его из `requests`",
        "the request adds nothing; remove it from `requests`",
    ),
    # compaction
    "target-not-met": (
        "программу `{program}` нельзя уложить в {target}: нужно по меньшей мере {terms} ({duration})",
        "program `{program}` cannot fit in {target}: it needs at least {terms} ({duration})",
    ),
    "target-not-met.help": (
        "сократите цепочку пререквизитов или часы (зачёт результатов, результаты один раз) либо увеличьте срок",
        "shorten the prerequisite chain or the hours (recognition, outcomes taught once), or lengthen the target",
    ),
    "target.chain": (
        "цепочка {chain} требует {need}, а целевой срок вмещает {allowed}",
        "the chain {chain} needs {need}; the target holds {allowed}",
    ),
    "target.hours": (
        "{hours} ч требуют по меньшей мере {need} при недельной нагрузке стандарта, а целевой срок вмещает {allowed}",
        "{hours} h need at least {need} under the standard's weekly limit; the target holds {allowed}",
    ),
    "target.solver": (
        "точный расчёт перебрал все расписания короче {need}: ни одно не соблюдает все правила сразу "
        "(пререквизиты, ёмкость семестров, сроки циклов, пределы экзаменов и зачётов в год), а целевой срок "
        "вмещает {allowed}",
        "the exact computation tried every schedule shorter than {need}: none keeps every rule at once "
        "(prerequisites, term capacity, cycles' deadlines, yearly limits of exams and credits); the target "
        "holds {allowed}",
    ),
    "target.attestation": (
        "{exams} экз. и {credits} зач. при пределе {max_exams} и {max_credits} в год требуют по меньшей мере "
        "{need}, а целевой срок вмещает {allowed}",
        "{exams} exams and {credits} credits under the limits of {max_exams} and {max_credits} a year need at "
        "least {need}; the target holds {allowed}",
    ),
    "target-not-proven": (
        "для `{program}` найдено расписание на {terms} ({duration}), а {target} — это {allowed}; "
        "нижняя граница {bound}: более короткое расписание не найдено, но и не исключено",
        "`{program}` got a schedule of {terms} ({duration}) while {target} is {allowed}; the lower bound is {bound}: "
        "a shorter schedule was not found, nor ruled out",
    ),
    "item-exceeds-term": (
        "`{code}` требует {hours} ч, больше, чем вмещает любой семестр ({capacity} ч)",
        "`{code}` needs {hours} h, more than any term holds ({capacity} h)",
    ),
    "item-exceeds-term.help": (
        "разделите её на несколько компетенций или практик",
        "split it into several competencies or practices",
    ),
    "group-exceeds-term": (
        "{codes} изучаются в одном семестре (совместно) и требуют вместе {hours} ч — больше, чем вмещает любой "
        "семестр ({capacity} ч)",
        "{codes} are taught in the same term (co-requisites) and need {hours} h together, more than any term "
        "holds ({capacity} h)",
    ),
    "final-exceeds-term": (
        "ГИА требует {hours} ч, больше, чем вмещает любой семестр ({capacity} ч)",
        "the final attestation needs {hours} h, more than any term holds ({capacity} h)",
    ),
    "compaction-cycle": (
        "в программе `{program}` требования образуют цикл, расписание невозможно: {codes}",
        "the requisites of program `{program}` form a cycle, so no schedule exists: {codes}",
    ),
    "missing-calendar": (
        "у стандарта программы `{program}` нет календаря: нужны `weekly_load` и `term_weeks`",
        "the standard of program `{program}` has no calendar: it needs `weekly_load` and `term_weeks`",
    ),
    "missing-calendar.help": (
        "укажите в программе `standard` и впишите в стандарт недельную нагрузку и недели семестров",
        "give the program a `standard`, and give the standard its weekly load and term weeks",
    ),
    "solver-fallback": (
        "точный расчёт для `{program}` не завершён ({reason}, предел {seconds} с): взято эвристическое расписание",
        "the exact solver did not finish for `{program}` ({reason}, limit {seconds} s): the heuristic schedule is used",
    ),
    "solver.time-limit": ("время вышло", "time ran out"),
    "solver.failed": ("решатель отказал: {detail}", "the solver failed: {detail}"),
    "site-over-capacity": (
        "площадка `{site}` в семестре {term} должна принять {hours} ч, а принимает не больше {capacity} ч",
        "site `{site}` would host {hours} h in term {term}, more than the {capacity} h it offers",
    ),
    "site-over-capacity.help": (
        "перенесите часть занятий на другую площадку или увеличьте `hours_per_term` площадки",
        "move part of it to another site, or raise the site's `hours_per_term`",
    ),
    "bundle-conflict": (
        "`{code}` предлагают пакеты `{bundle}` и `{other}`, но с разными часами или пререквизитами",
        "bundles `{bundle}` and `{other}` both propose `{code}`, with different hours or prerequisites",
    ),
    "bundle-conflict.label": ("предложение пакета `{bundle}`", "as bundle `{bundle}` proposes it"),
    "bundle-conflict.help": (
        "предприятиям нужно договориться об одной формулировке или дать компетенциям разные коды",
        "the enterprises need to agree on one proposal, or give the competencies different codes",
    ),
    "bundle-other-standard": (
        "пакет `{bundle}` составлен для `{standard}`, а программа `{program}` — по `{program_standard}`",
        "bundle `{bundle}` is for `{standard}`, but program `{program}` follows `{program_standard}`",
    ),
    "bundle-over-cap": (
        "пакет `{bundle}` добавляет {hours} ч, больше своего предела {cap} ч",
        "bundle `{bundle}` adds {hours} h, more than its cap of {cap} h",
    ),
    "labour-function-level": (
        "`{code}` связана с `{link}` уровня {level}, а для квалификаций программы допустимы уровни {low}–{high}",
        "`{code}` is linked to `{link}` of level {level}, but the program's qualifications allow levels {low}–{high}",
    ),
    "template-escapes": (
        "шаблон `{name}` лежит вне папки шаблонов — он не читается",
        "template `{name}` is outside the templates folder, so it is not read",
    ),
    "template-escapes.help": (
        "держите шаблоны в папке, переданной через --templates (без `..` и ссылок наружу)",
        "keep templates inside the folder given with --templates (no `..`, no links out of it)",
    ),
    "template-error": ("ошибка в шаблоне `{name}`: {reason}", "error in template `{name}`: {reason}"),
    # things, for "is a …"
    # whole programs: values
    "cycle-volume-base": (
        "объём цикла пишется без базы: `объём 1476 ч` (для базы — поле `база`)",
        "a cycle's volume takes no base: `volume 1476 h` (use `base` for the base)",
    ),
    "volume-needs-base": (
        "объём стандарта пишется по базе: `объём 9-классов 5940 ч, 11-классов 4464 ч`",
        "a standard's volume is given by base: `volume 9-grades 5940 h, 11-grades 4464 h`",
    ),
    "terms-out-of-range": ("`{text}` — не номер семестра (от 1 до {limit})", "`{text}` is not a term (1 to {limit})"),
    "invalid-year": ("`{text}` — не год набора", "`{text}` is not a year of admission"),
    # whole programs: rows
    "discipline-without-cycle": (
        "у дисциплины `{code}` нет цикла",
        "discipline `{code}` has no cycle",
    ),
    "discipline-without-cycle.help": (
        "напишите `цикл …` или начните индекс с кода цикла; циклы стандарта: {cycles}",
        "write `cycle …` or start the index with a cycle's code; the standard's cycles: {cycles}",
    ),
    "total-mismatch": (
        "у `{code}` всего {total} ч, а часы по видам дают {sum} ч",
        "`{code}` says {total} h in total, its hours by kind add up to {sum} h",
    ),
    "total-mismatch.help": (
        "исправьте `всего` или часы по видам работы",
        "correct `total` or the hours by kind",
    ),
    "terms-mismatch": (
        "у `{code}` по семестрам {terms} ч, а в поле часов {sum} ч",
        "`{code}` has {terms} h by term but {sum} h in its hours",
    ),
    "terms-mismatch.label": ("часы по семестрам начинаются здесь", "hours by term start here"),
    "practical-training-over": (
        "у `{code}` практической подготовки {hours} ч — больше, чем часов с преподавателем ({contact} ч)",
        "`{code}` has {hours} h of practical training, more than its hours with the teacher ({contact} h)",
    ),
    "variable-over": (
        "у `{code}` вариативных {hours} ч — больше, чем всего часов ({total} ч)",
        "`{code}` has {hours} variable hours, more than its total ({total} h)",
    ),
    "course-hours-disagree": (
        "у МДК `{code}` {own} ч на освоение, а у компетенций, которые он формирует ({codes}), — {theirs} ч",
        "course `{code}` has {own} h of study, the competencies it covers ({codes}) have {theirs} h",
    ),
    "course-hours-disagree.help": (
        "в план идут часы МДК; согласуйте их с часами компетенций или уберите часы у одного из них",
        "the plan takes the course's hours; make them agree with the competencies' or write them in one place",
    ),
    "elective-empty": (
        "в группе по выбору `{code}` нет ни одной дисциплины",
        "elective group `{code}` has no discipline",
    ),
    "elective-empty.help": (
        'добавьте в группу альтернативы: `дисциплина {code}.01 "…" {{ … }}`',
        'add its alternatives: `discipline {code}.01 "…" {{ … }}`',
    ),
    "elective-choose-unknown": (
        "`{code}` не входит в группу `{group}` (в ней: {choices})",
        "`{code}` is not in group `{group}` (it has {choices})",
    ),
    # whole programs: the standard's rules
    "volume-off-standard": (
        "объём программы `{program}` — {total} ч, {which} объёма стандарта для {base} ({expected} ч)",
        "program `{program}` has {total} h, {which} the standard's volume for {base} ({expected} h)",
    ),
    "volume.below": ("меньше", "below"),
    "volume.above": ("больше", "above"),
    "base.9": ("базы 9 классов", "9-grade entrants"),
    "base.11": ("базы 11 классов", "11-grade entrants"),
    "cycle-below-minimum": (
        "в цикле `{cycle}` {hours} ч — меньше минимума стандарта ({limit} ч)",
        "cycle `{cycle}` has {hours} h, below the standard's minimum ({limit} h)",
    ),
    "cycle-missing": (
        "в программе нет ни одной строки цикла `{cycle}` стандарта",
        "the program has no row of the standard's cycle `{cycle}`",
    ),
    "cycle-missing.help": (
        "добавьте цикл в программу: `дисциплины {cycle}, …`",
        "add the cycle to the program: `disciplines {cycle}, …`",
    ),
    "cycle-volume": (
        "в цикле `{cycle}` {hours} ч, а стандарт задаёт {volume} ч",
        "cycle `{cycle}` has {hours} h where the standard sets {volume} h",
    ),
    "variable-share-off": (
        "вариативная часть — {share}% ({variable} из {total} ч), а стандарт требует {rule}",
        "the variable part is {share}% ({variable} of {total} h) where the standard asks for {rule}",
    ),
    "variable-share-off.label": ("правило стандарта", "the standard's rule"),
    "share.about": ("около {percent}% (± {tolerance})", "about {percent}% (± {tolerance})"),
    "share.min": ("не менее {percent}%", "at least {percent}%"),
    "share.max": ("не более {percent}%", "at most {percent}%"),
    "attestation-limit": (
        "{what} на {year}-м курсе: {count} при пределе {limit} в год",
        "study year {year} has {count} {what}, over the limit of {limit} a year",
    ),
    "limit.exams": ("экзаменов", "exams"),
    "limit.credits": ("зачётов", "credits"),
    "holidays-out-of-range": (
        "каникул {weeks} нед. в год, а стандарт допускает от {low} до {high}",
        "{weeks} weeks of holidays a year where the standard allows {low} to {high}",
    ),
    "winter-holidays": (
        "зимних каникул {weeks} нед., а стандарт требует не менее {limit}",
        "{weeks} weeks of winter holidays where the standard asks for at least {limit}",
    ),
    "superseded-standard": (
        "стандарт `{standard}` заменён{by}",
        "standard `{standard}` is superseded{by}",
    ),
    "superseded.by": (": {text}", ": {text}"),
    "missing-general-education": (
        "программа `{program}` для базы 9 классов без общеобразовательного цикла `{cycle}`",
        "program `{program}` for 9-grade entrants has no general-education cycle `{cycle}`",
    ),
    "missing-general-education.help": (
        "добавьте цикл в программу: `дисциплины {cycle}, …` (каталог общего образования поставляется)",
        "add the cycle to the program: `disciplines {cycle}, …` (a general-education catalog is shipped)",
    ),
    "calendar-weeks": (
        "на {year}-м курсе {study} нед. обучения, {attestation} нед. аттестации и {holidays} нед. каникул — "
        "{total} вместо 52",
        "study year {year} has {study} weeks of study, {attestation} of attestation and {holidays} of holidays: "
        "{total} instead of 52",
    ),
    "attestation-limits-unkeepable": (
        "ни при каком числе семестров экзамены и зачёты программы `{program}` не укладываются в пределы "
        "стандарта на учебный год ({limits})",
        "no number of terms keeps the exams and credits of program `{program}` within the standard's limits "
        "a study year ({limits})",
    ),
    "attestation-limits-unkeepable.note": (
        "строки через все семестры (`terms all` с формой `each`) сами дают за учебный год: {every}; "
        "у остальных строк всего: {rows}",
        "the rows through every term (`terms all` with an `each` form) alone give a study year: {every}; "
        "the other rows have in all: {rows}",
    ),
    "limits.pair": ("{what} — {count}", "{what}: {count}"),
    "limits.both": ("{first}, {second}", "{first}, {second}"),
    "limits.none": ("нет", "none"),
    "attestation-limits-unkeepable.help": (
        "объедините экзамены ({complex}), замените часть зачётов другими формами контроля "
        "или отметьте строки вне предела ({outside}, как физическую культуру)",
        "join exams ({complex}), replace some credits by other forms of control, or mark rows outside the "
        "limits ({outside}, as physical culture)",
    ),
    "cycle-past-its-year": (
        "строки цикла `{cycle}` ({hours} ч) нельзя уложить в первые {terms}: цикл заканчивается на {year}-м курсе",
        "the rows of cycle `{cycle}` ({hours} h) cannot fit in the first {terms}: the cycle ends in study year {year}",
    ),
    "cycle-past-its-year.help": (
        "сократите часы цикла (результаты один раз: общие {knows}/{can} с дисциплинами других циклов) "
        "или разрешите ему идти дольше ({ends} в объявлении цикла)",
        "reduce the cycle's hours (outcomes taught once: {knows}/{can} shared with other cycles' disciplines) "
        "or let it run longer ({ends} of the cycle)",
    ),
    "thing.cycle": ("цикл", "a cycle"),
    "thing.discipline": ("дисциплина", "a discipline"),
    "thing.elective": ("группа по выбору", "an elective group"),
    "thing.college": ("колледж", "a college"),
    "thing.room": ("помещение", "a room"),
    "thing.standard": ("стандарт", "a standard"),
    "thing.activity": ("вид деятельности", "an activity"),
    "thing.outcome": ("результат обучения", "an outcome"),
    "thing.competency": ("компетенция", "a competency"),
    "thing.module": ("модуль", "a module"),
    "thing.course": ("МДК", "a course"),
    "thing.practice": ("практика", "a practice"),
    "thing.program": ("программа", "a program"),
    "thing.site": ("площадка", "a site"),
    "thing.profession": ("профессия", "a profession"),
    "thing.bundle": ("пакет", "a bundle"),
    "thing.module-part": ("модуль, МДК или практика", "a module, course or practice"),
    "kind.general": ("общая компетенция (ОК)", "a general competency (ОК)"),
    "kind.professional": ("профессиональная компетенция (ПК)", "a professional competency (ПК)"),
    "kind.variable": ("вариативная компетенция (ПКс)", "a variable competency (ПКс)"),
    "kind.foundation": ("базовый результат", "a foundation outcome"),
    "outcome.knowledge": ("знание", "knowledge"),
    "outcome.skill": ("умение", "a skill"),
    "outcome.experience": ("практический опыт", "practical experience"),
    "and-more": ("… и ещё {count}", "… and {count} more"),
}
