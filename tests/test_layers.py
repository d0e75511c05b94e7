"""The code's shape, read from its own imports: layers import only downward, and everything meant
for reuse is exported from one place with its parameters and an example."""
import ast
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

from scenes.film.chapters import CHAPTERS
from scenes.film.paths import ROOT

#: bottom to top: a module may import its own layer and those below, never one above
LAYERS = ("nn", "scenes.content", "scenes.components", "scenes.runtime", "scenes.chapters", "scenes.film")
NO_MANIM = ("nn", "scenes.content")  # the network, the words and the content choices: no pictures


def layer_of(module: str) -> int | None:
    if module in ("scenes", "scenes.__main__"):  # the package itself, and `python -m scenes`: the film's command
        return LAYERS.index("scenes.film")
    for rank, prefix in reversed(list(enumerate(LAYERS))):
        if module == prefix or module.startswith(prefix + "."):
            return rank
    return None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[str]:
    """Every module ``path`` imports, anywhere in it (relative imports made absolute)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append(module)
            found += [f"{module}.{alias.name}" for alias in node.names]
    return found


def sources() -> list[Path]:
    return sorted(p for folder in ("nn", "scenes") for p in (ROOT / folder).rglob("*.py"))


def test_imports_run_one_way():
    upward = []
    for path in sources():
        own = layer_of(module_name(path))
        assert own is not None, f"{path} belongs to no layer"
        for target in imports(path):
            rank = layer_of(target)
            if rank is not None and rank > own:
                upward.append(f"{module_name(path)} imports {target} ({LAYERS[rank]} is above {LAYERS[own]})")
    assert not upward, "\n".join(sorted(set(upward)))


def test_the_network_and_the_words_know_nothing_of_manim():
    for path in sources():
        if layer_of(module_name(path)) in [LAYERS.index(layer) for layer in NO_MANIM]:
            pictures = [m for m in imports(path) if m.split(".")[0] in ("manim", "cairo", "manimpango", "manim_slides")]
            assert not pictures, f"{path.relative_to(ROOT)} imports {pictures}"


def test_a_layer_that_imports_upward_is_caught(tmp_path):
    """The check itself: a runtime module that imports the film is reported."""
    bad = ROOT / "scenes" / "runtime" / "_upward_for_test.py"
    bad.write_text("from scenes.film.cli import main\n")
    try:
        with pytest.raises(AssertionError, match="scenes.runtime._upward_for_test imports scenes.film.cli"):
            test_imports_run_one_way()
    finally:
        bad.unlink()


def test_every_reusable_visual_is_exported_with_its_parameters_and_an_example():
    import scenes.components as components

    for name in components.__all__:
        thing = getattr(components, name)
        if inspect.ismodule(thing):
            continue
        doc = inspect.getdoc(thing) or ""
        assert doc, f"{name} has no docstring"
        if callable(thing):
            params = [p for p in inspect.signature(thing).parameters if p not in ("self", "args", "kwargs")]
            if params:
                assert "Args:" in doc, f"{name}'s docstring does not give its parameters"
                for param in params:
                    assert f"{param}:" in doc or f"{param} " in doc, f"{name}'s docstring does not explain {param}"
            assert "Example:" in doc, f"{name}'s docstring has no example"


def test_the_readme_lists_every_export():
    import scenes.components as components

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    api = readme[readme.index("## Reusing the pieces"):]
    missing = [name for name in components.__all__ if f"`{name}" not in api]
    assert not missing, f"the README's API section lacks {missing}"


def test_chapters_do_not_import_each_other():
    """Each chapter imported alone (the others forgotten first) brings no other chapter with it."""

    code = ("import importlib, sys\n"
            f"for name in {[f'scenes.chapters.{c.name}' for c in CHAPTERS]!r}:\n"
            "    for loaded in [m for m in sys.modules if m.startswith('scenes.chapters.ch')]:\n"
            "        del sys.modules[loaded]\n"
            "    importlib.import_module(name)\n"
            "    print(name, *[m for m in sys.modules if m.startswith('scenes.chapters.ch') and m != name])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    lines = out.splitlines()
    assert len(lines) == len(CHAPTERS)
    for line in lines:
        chapter, *others = line.split()
        assert not others, f"{chapter} imports {others}"
