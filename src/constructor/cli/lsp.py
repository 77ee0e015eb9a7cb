"""`constructor lsp`: the language server over stdio."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from constructor.lsp.server import main as serve

    serve()
    return 0
