"""Metrics as a table, JSON or the CurricularAnalytics CSV with its four metric columns, and the
difference between two versions of a curriculum."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Mapping

from constructor.graph.metrics import Metrics, Range
from constructor.i18n import Lang, Words

WORDS = Words("metrics.")  # the words are in the catalog: locale/*/LC_MESSAGES/constructor.po


def _allow_long_numbers() -> None:
    """Path counts of a long curriculum have thousands of digits; Python refuses to print an int of
    over 4,300 digits by default (a guard for parsing untrusted text, not for printing our own)."""
    sys.set_int_max_str_digits(0)


def to_json(m: Metrics, names: Mapping[str, str], rng: Range | None = None) -> str:
    _allow_long_numbers()
    items = []
    for i, ident in enumerate(m.ids):
        row = m.row(i)
        items.append(
            {
                "id": ident,
                "name": names.get(ident, ""),
                **{k: row[k] for k in ("blocking", "delay", "centrality", "complexity")},
            }
        )
    payload: dict[str, object] = {"items": items, "total": m.totals(), "longest_paths": m.longest_paths}
    if rng is not None:
        payload["choices"] = {
            "low": rng.low,
            "high": rng.high,
            "low_choice": rng.low_choice,
            "high_choice": rng.high_choice,
            "exact": rng.exact,
            "groups": rng.groups,
        }
    from constructor.jsonout import stamped

    return json.dumps(stamped("metrics", payload), ensure_ascii=False, indent=2)


def to_table(m: Metrics, names: Mapping[str, str], lang: Lang, rng: Range | None = None) -> str:
    _allow_long_numbers()
    w = WORDS[lang]
    head = [w["id"], w["name"], w["complexity"], w["blocking"], w["delay"], w["centrality"]]
    rows = []
    for i, ident in enumerate(m.ids):
        r = m.row(i)
        name = names.get(ident, "")
        rows.append(
            [
                ident,
                name if len(name) <= 40 else name[:39] + "…",
                str(r["complexity"]),
                str(r["blocking"]),
                str(r["delay"]),
                str(r["centrality"]),
            ]
        )
    t = m.totals()
    rows.append([w["total"], "", str(t["complexity"]), str(t["blocking"]), str(t["delay"]), str(t["centrality"])])
    widths = [max(len(r[k]) for r in [head, *rows]) for k in range(len(head))]
    lines = [
        " | ".join(c.ljust(widths[k]) if k < 2 else c.rjust(widths[k]) for k, c in enumerate(r)).rstrip()
        for r in [head, *rows]
    ]
    lines.insert(1, "-+-".join("-" * x for x in widths))
    for path in m.longest_paths[:1]:
        lines.append(f"{w['longest']}: {' → '.join(path)}")
    if rng is not None:
        lines.append(w["range"].format(low=_num(rng.low), high=_num(rng.high), exact="" if rng.exact else w["inexact"]))
    return "\n".join(lines)


def _num(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def to_ca_csv(csv_text: str, m: Metrics) -> str:
    """The curriculum CSV with `Complexity, Blocking, Delay, Centrality` appended to the course table,
    as the CurricularAnalytics web tool exports it."""
    _allow_long_numbers()
    by_id = {ident: m.row(i) for i, ident in enumerate(m.ids)}
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    in_table = header_done = False
    for row in csv.reader(io.StringIO(csv_text)):
        if not in_table:
            w.writerow(row)
            in_table = bool(row) and row[0].strip().lower() == "courses"
            continue
        if not header_done:
            w.writerow([*row, "Complexity", "Blocking", "Delay", "Centrality"])
            header_done = True
            continue
        r = by_id.get(row[0].strip()) if row else None
        if r is None:
            w.writerow(row)
        else:
            w.writerow([*row, r["complexity"], r["blocking"], r["delay"], r["centrality"]])
    return out.getvalue()


def diff(old: Metrics, new: Metrics, lang: Lang) -> tuple[str, dict[str, object]]:
    """What changed between two versions: per-course complexity, totals, the longest path."""
    _allow_long_numbers()
    w = WORDS[lang]
    before = {ident: old.row(i) for i, ident in enumerate(old.ids)}
    after = {ident: new.row(i) for i, ident in enumerate(new.ids)}
    changes = []
    for ident in new.ids:
        if ident in before and before[ident]["complexity"] != after[ident]["complexity"]:
            changes.append({"id": ident, "before": before[ident]["complexity"], "after": after[ident]["complexity"]})
    data: dict[str, object] = {
        "changed": changes,
        "added": [i for i in new.ids if i not in before],
        "removed": [i for i in old.ids if i not in after],
        "total": {"before": old.totals(), "after": new.totals()},
        "longest_path": {"before": old.longest_paths[:1], "after": new.longest_paths[:1]},
    }
    lines = []
    rose = [c for c in changes if float(str(c["after"])) > float(str(c["before"]))]
    fell = [c for c in changes if c not in rose]
    for key, group in (("rose", rose), ("fell", fell)):
        if group:
            lines.append(f"{w[key]}: " + ", ".join(f"{c['id']} {c['before']} → {c['after']}" for c in group))
    for key in ("added", "removed"):
        if data[key]:
            lines.append(f"{w[key]}: " + ", ".join(data[key]))  # type: ignore[arg-type]
    bt, at = old.totals(), new.totals()
    lines.append(f"{w['total']} {w['complexity']}: {bt['complexity']} → {at['complexity']}")
    b = " → ".join(old.longest_paths[0]) if old.longest_paths else "—"
    a = " → ".join(new.longest_paths[0]) if new.longest_paths else "—"
    lines.append(f"{w['chain']}: {w['before']} {b}; {w['after']} {a}")
    if not changes and not data["added"] and not data["removed"] and bt == at:
        lines.insert(0, w["same"])
    return "\n".join(lines), data


def plan_metrics(items: list[tuple[str, int, int, list[str]]], terms: list[tuple[int, int, int]]) -> dict[str, object]:
    """Metrics of a compacted plan: requisite distance (the sum over requisites of term(course) −
    term(requisite): how far apart the plan puts what belongs together), the hour balance between
    terms, and per-term statistics. `items`: (code, term, hours, requisites); `terms`: (number,
    hours, capacity)."""
    term = {code: t for code, t, _, _ in items}
    distance = sum(t - term[r] for _, t, _, reqs in items for r in reqs if r in term)
    loads = [hours for _, hours, _ in terms]
    mean = sum(loads) / len(loads) if loads else 0.0
    spread = (sum((x - mean) ** 2 for x in loads) / len(loads)) ** 0.5 if loads else 0.0
    return {
        "requisite_distance": distance,
        "balance": {
            "mean_hours": round(mean, 1),
            "stdev_hours": round(spread, 1),
            "max_hours": max(loads, default=0),
            "min_hours": min(loads, default=0),
        },
        "terms": [
            {
                "number": n,
                "hours": h,
                "capacity_hours": c,
                "load": round(h / c, 3) if c else 0.0,
                "items": sum(1 for _, t, hours, _ in items if t == n and hours > 0),
            }
            for n, h, c in terms
        ],
    }
