"""The private parts of manim this project hooks into, checked in one place.

The quick camera and encoder (``quick_output``), formulas compiled with a preloaded preamble
(``latex_format``) and formulas shared between chapters (the film's rendering) replace private
functions of manim |version|. With any other manim they are switched off, with one loud warning,
and scenes render with manim's own camera, encoder and LaTeX: slower, the same pictures.
"""
from __future__ import annotations

import sys
from functools import cache

#: the manim whose private functions are hooked (requirements.txt pins it)
SUPPORTED_MANIM = "0.21.0"
__doc__ = (__doc__ or "").replace("|version|", SUPPORTED_MANIM)

#: (module, attribute path) of every private manim name the hooks replace or call
PRIVATE_HOOKS = (
    ("manim.scene.scene_file_writer", "_PartialMovieEncodeJob._encode_and_write_frame"),
    ("manim.scene.scene_file_writer", "convert_audio"),
    ("manim.scene.scene_file_writer", "SceneFileWriter.combine_files"),
    ("manim.camera.camera", "CAP_STYLE_MAP"),
    ("manim.camera.camera", "LINE_JOIN_MAP"),
    ("manim.utils.tex_file_writing", "make_tex_compilation_command"),
    ("manim.utils.tex_file_writing", "generate_tex_file"),
    ("manim.mobject.text.tex_mobject", "tex_to_svg_file"),
)


def hook_problems() -> list[str]:
    """What stands in the way of the hooks: another manim version, or a private name that is gone."""
    import importlib

    import manim

    problems = []
    if manim.__version__ != SUPPORTED_MANIM:
        problems.append(f"manim {manim.__version__} is installed, the hooks were written for {SUPPORTED_MANIM}")
    for module_name, path in PRIVATE_HOOKS:
        target: object = importlib.import_module(module_name)
        for part in path.split("."):
            target = getattr(target, part, None)
            if target is None:
                problems.append(f"{module_name}.{path} is missing")
                break
    return problems


@cache
def hooks_usable() -> bool:
    """True when manim is the supported version with every hooked name; otherwise warn once, loudly."""
    problems = hook_problems()
    if problems:
        print("\n".join(["", "WARNING " + "=" * 70,
                         f"scenes.runtime: {'; '.join(problems)}.",
                         "Rendering goes on with manim's own camera, encoder and LaTeX (slower, same pictures).",
                         f"For full speed: pip install manim=={SUPPORTED_MANIM} (requirements.txt).",
                         "=" * 78, ""]), file=sys.stderr)
    return not problems
