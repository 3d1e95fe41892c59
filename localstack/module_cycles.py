#!/usr/bin/env python3
"""Fails when two modules of a crate import each other (`crate::` and `super::` paths; a parent and its
own child may). The test command runs it, so a refactor cannot bring a cycle back."""

import glob
import re
import sys

PATH = re.compile(r"\b(crate|super)::((?:\{[^;]*?\}|[A-Za-z_:]+))", re.S)
NAME = re.compile(r"([a-z_][a-z0-9_]*)(?=::|\s*[,}]|$)")


def parent(name: str) -> str:
    return "::".join(name.split("::")[:-1])


def modules(root: str) -> dict[str, str]:
    found = {}
    for path in glob.glob(f"{root}/**/*.rs", recursive=True):
        rel = path[len(root) + 1 : -3].removesuffix("/mod")
        found["" if rel in ("lib", "main") else rel.replace("/", "::")] = path
    return found


def mutual(root: str) -> list[tuple[str, str]]:
    names = modules(root)
    edges = {}
    for name, path in names.items():
        text = re.sub(r"//.*", "", open(path, encoding="utf-8").read())
        deps = set()
        for m in PATH.finditer(text):
            base = "" if m.group(1) == "crate" else parent(name)
            for token in NAME.findall(m.group(2)):
                candidate = f"{base}::{token}".strip(":")
                if candidate in names and candidate != name:
                    deps.add(candidate)
        edges[name] = deps
    pairs = []
    for a, deps in edges.items():
        for b in deps:
            related = not a or not b or a.startswith(b + "::") or b.startswith(a + "::")
            if a < b and a in edges.get(b, ()) and not related:
                pairs.append((a, b))
    return pairs


def main() -> int:
    roots = ["shared/src", "localstack/src", *sorted(glob.glob("functions/*/src"))]
    bad = [(root, a, b) for root in roots for a, b in mutual(root)]
    for root, a, b in bad:
        print(f"{root}: `{a}` and `{b}` import each other", file=sys.stderr)
    if not bad:
        print(f"module imports: no cycles between two modules in {len(roots)} crates")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
