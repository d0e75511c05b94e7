"""Formulas compiled with their preamble loaded once: a LaTeX format file.

manim compiles each new formula with ``latex``, which reads the preamble (babel, amsmath, amssymb)
again every time: about a third of its 0.23 s. Here the default preamble is dumped once per media
folder into a format file (the ``mylatexformat`` package, in texlive-latex-extra), and every
formula whose file starts with that preamble is compiled with ``-fmt`` (0.15 s). The SVG is
byte-identical. Anything else (another template, no ``etex``, a failed build) compiles as before.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

DOCUMENT = "\\begin{document}"


def default_preamble() -> str:
    """What manim's default template writes before ``\\begin{document}``."""
    from manim import config

    return config.tex_template.body.split(DOCUMENT)[0]


def build_format(folder: Path, preamble: str) -> Path | None:
    """``folder/preamble-<hash>.fmt`` holding ``preamble`` for this TeX (built once, by rename), or
    None if it cannot be built here."""
    try:  # a format only loads into the TeX that made it: a TeX upgrade must build a new one
        tex = subprocess.run(["etex", "--version"], capture_output=True, text=True, timeout=10).stdout.split("\n")[0]
    except (OSError, subprocess.SubprocessError):
        return None
    name = f"preamble-{hashlib.sha256((tex + preamble).encode()).hexdigest()[:16]}"
    fmt = folder / f"{name}.fmt"
    if fmt.is_file():
        return fmt
    job = f"{name}.{os.getpid()}"
    source = folder / f"{job}.tex"
    source.write_text(preamble + DOCUMENT + "\\end{document}\n", encoding="utf-8")
    try:
        subprocess.run(["etex", "-ini", "-interaction=batchmode", f"-jobname={job}", f"-output-directory={folder}",
                        "&latex", "mylatexformat.ltx", source.name], cwd=folder, capture_output=True, timeout=60,
                       check=True)
        os.replace(folder / f"{job}.fmt", fmt)
    except (OSError, subprocess.SubprocessError):
        return None
    finally:
        for scratch in folder.glob(f"{job}.*"):
            scratch.unlink(missing_ok=True)
    return fmt


def use_preloaded_preamble(folder: Path) -> None:
    """Make this process's ``latex`` runs load the default preamble from a format in ``folder`` (where the
    format cannot be built, say so and compile every formula as manim does: slower, the same SVG)."""
    from manim.utils import tex_file_writing

    preamble = default_preamble()
    fmt = build_format(folder, preamble)
    if fmt is None:
        print("warning: could not build a LaTeX format with the preamble preloaded (is texlive-latex-extra's "
              "mylatexformat installed?): formulas compile the slow way", file=sys.stderr)
        return
    make_command = tex_file_writing.make_tex_compilation_command

    def make_tex_compilation_command(tex_compiler: str, output_format: str, tex_file: Path,
                                     tex_dir: Path) -> list[str]:
        command = make_command(tex_compiler, output_format, tex_file, tex_dir)
        if tex_compiler == "latex" and Path(tex_file).read_text(encoding="utf-8").startswith(preamble):
            command.insert(1, f"-fmt={fmt.with_suffix('')}")
        return command

    tex_file_writing.make_tex_compilation_command = make_tex_compilation_command
