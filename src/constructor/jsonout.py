"""Every JSON the constructor prints says what it is and which version of its shape it has, so a
program reading it can tell (docs/json.md; each shape's JSON Schema is in docs/schemas/). A version
grows when a field changes meaning or goes away; added fields keep it."""

from __future__ import annotations

from collections.abc import Mapping

VERSIONS = {
    "diagnostics": 1,  # check --format json
    "graph": 1,  # graph --format json
    "explain": 1,  # explain --format json
    "metrics": 1,  # metrics --format json
    "metrics-diff": 1,  # metrics --diff OLD NEW --format json
    "plan-metrics": 1,  # metrics --plan
    "bundles": 1,  # bundle --format json
    "cluster": 1,  # cluster --format json
}


def stamped(kind: str, payload: Mapping[str, object]) -> dict[str, object]:
    """`payload` with `format` ("constructor/<kind>") and `version` first."""
    return {"format": f"constructor/{kind}", "version": VERSIONS[kind], **payload}
