"""DESIGN.md's arrows, checked: a wrong import fails the build instead of growing quietly."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run(
        [lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_domain_uses_only_eventsourcing_domain_from_the_library():
    """import-linter cannot name a subpackage of an external package, so look directly."""
    import ast

    offenders = []
    for path in (ROOT / "domain").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            offenders += [
                f"{path.name}: {n}"
                for n in names
                if n.startswith("eventsourcing") and n != "eventsourcing.domain"
            ]
    assert offenders == []
