"""Every example a user may copy, run as a user would: the scenes in examples/ and every Python block
of the README, each copied into a folder outside the project and rendered (or run) from there."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import av
import pytest

from scenes.film.paths import ROOT

pytestmark = pytest.mark.render
EXAMPLES = ROOT / "examples"
#: small and quick: the examples' pictures are checked elsewhere; here, that they render at all
MANIM = [sys.executable, "-m", "manim", "render", "-r", "320,180", "--fps", "5", "--progress_bar", "none",
         "-v", "WARNING", "--disable_caching"]


@pytest.fixture
def outside(tmp_path):
    """A folder outside the project, holding a copy of examples/ and a picture of a digit."""
    from PIL import Image

    import nn

    assert not tmp_path.is_relative_to(ROOT)
    for file in EXAMPLES.iterdir():
        if file.suffix in (".py", ".toml"):
            shutil.copy(file, tmp_path)
    pixels, _ = nn.test_image(4)  # a 4, drawn dark on light paper, as a photo would have it
    paper = (255 - 255 * pixels.reshape(28, 28)).astype("uint8")
    for name in ("photo.jpg", "my_digit.png"):
        Image.fromarray(paper).resize((280, 280)).save(tmp_path / name)
    return tmp_path


def render(folder: Path, file: str, scene: str, **env: str) -> Path:
    result = subprocess.run([*MANIM, file, scene], cwd=folder, capture_output=True, text=True,
                            env={**os.environ, **env}, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    (video,) = folder.rglob(f"media/videos/**/{scene}.mp4")
    return video


def test_the_plain_forward_pass_example(outside):
    video = render(outside, "forward_pass.py", "ForwardPass")
    with av.open(str(video)) as container:
        assert container.streams.video[0].duration > 0


def test_the_narrated_example_speaks_and_has_subtitles(outside):
    video = render(outside, "narrated_layers.py", "NarratedLayers", NN_VOICE_CACHE=str(outside / "voice"))
    with av.open(str(video)) as container:
        assert container.streams.audio, "its sound"
    import nn

    said = " ".join(video.with_suffix(".srt").read_text().split())
    label = nn.test_image(42)[1]
    assert "handwritten digit the network never saw" in said and f"It is a {label}," in said


def test_the_slides_example_as_a_presentation_and_with_manim_slides(outside):
    command = [sys.executable, "-m", "scenes", "--slides", "pptx", "sigmoid_talk.py:SigmoidTalk", "--voice", "none",
               "--media", str(outside / "media")]
    result = subprocess.run(command, cwd=outside, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "3 slides" in result.stdout and list((outside / "media" / "slides").glob("*SigmoidTalk.pptx"))
    result = subprocess.run([sys.executable, "-m", "manim_slides", "render", "-r", "320,180", "--fps", "5",
                             "sigmoid_talk.py", "SigmoidTalkSlides"], cwd=outside, capture_output=True, text=True,
                            env={**os.environ, "NN_VOICE": "none"}, timeout=600)
    assert result.returncode == 0, result.stderr
    config = (outside / "slides" / "SigmoidTalkSlides.json").read_text()
    assert config.count('"notes"') == 3


def readme_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, re.S)


@pytest.mark.parametrize("index", range(len(readme_blocks())))
def test_every_python_block_of_the_readme_runs(index, outside):
    code = readme_blocks()[index]
    (outside / "block.py").write_text(code)
    scenes = re.findall(r"^class (\w+)\(.*(?:Scene|NarratedScene|Slide).*\):", code, re.M)
    if scenes:
        for scene in scenes:
            render(outside, "block.py", scene, NN_VOICE="none")
    else:
        result = subprocess.run([sys.executable, "block.py"], cwd=outside, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
