"""Slides, driven through the command line with the voice on and opened in the programs speakers use:
headless Chromium for the HTML, LibreOffice for the PowerPoint deck."""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from scenes.film.paths import ROOT
from tests.support.browser import Browser
from tests.support.tiny_scenes import TINY_SCRIPT

pytestmark = pytest.mark.render
SCENE = f"{ROOT / 'tests' / 'support' / 'tiny_scenes.py'}:TinyNarrated"
NOTES = [TINY_SCRIPT["title"], "A tiny chapter speaks. Here is a circle.", "Now a square, number 7."]
#: the last frame of the slide on screen, once its video has played to the end
REST = """(async () => {
  const v = document.querySelector('.backgrounds .slide-background.present video');
  if (v.readyState < 1) await new Promise(r => v.addEventListener('loadedmetadata', r, {once: true}));
  v.pause(); v.currentTime = v.duration;
  await new Promise(r => v.addEventListener('seeked', r, {once: true}));
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return v.currentTime;
})()"""


def slides_command(media: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scenes", "--slides", *args, SCENE, "--media", str(media)],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, **env})


def clips(media: Path) -> list[Path]:
    return sorted(media.glob("scenes/*/480p15-en-*/*/TinyNarrated.slides/*.mp4"))


def loudness(video: Path) -> float:
    """RMS of a video's sound (0 when it has no sound stream)."""
    with av.open(str(video)) as container:
        if not container.streams.audio:
            return 0.0
        samples = np.concatenate([f.to_ndarray().reshape(-1) for f in container.decode(audio=0)])
    return float(np.sqrt(np.mean(samples ** 2)))


def last_frame(video: Path) -> np.ndarray:
    with av.open(str(video)) as container:
        *_, frame = container.decode(video=0)
        return frame.to_ndarray(format="rgb24")


def difference(a: np.ndarray, b: np.ndarray) -> float:
    """Mean absolute difference of two pictures brought to the same grey size (0: the same)."""
    size = (427, 240)
    small = [np.asarray(Image.fromarray(x).convert("L").resize(size, Image.BILINEAR), float) for x in (a, b)]
    return float(np.abs(small[0] - small[1]).mean())


def shows(picture: np.ndarray, clip: Path, others: list[Path]) -> bool:
    """``picture`` looks like ``clip``'s last frame, more than like any other slide's."""
    own = difference(picture, last_frame(clip))
    return own < 6 and all(own < difference(picture, last_frame(o)) for o in others if o != clip)


@pytest.fixture(scope="module")
def presentation(tmp_path_factory):
    """The tiny scene's slides made by the command line with the Piper voice, as html and pptx."""
    media = tmp_path_factory.mktemp("media")
    html, pptx = slides_command(media), slides_command(media, "pptx")
    assert html.returncode == 0, html.stderr
    assert pptx.returncode == 0, pptx.stderr
    assert "unchanged, reused" in pptx.stdout  # the pptx is cut from the same render
    return media


def test_every_slide_video_has_its_narration(presentation):
    files = clips(presentation)
    assert len(files) == 1 + len(TINY_SCRIPT["beats"])
    assert loudness(files[0]) < 0.005  # the title: silent
    assert all(loudness(f) > 0.02 for f in files[1:]), "every beat's slide speaks"
    chapter = files[0].parent.with_suffix(".mp4")
    assert sum(av.open(str(f)).streams.video[0].duration * av.open(str(f)).streams.video[0].time_base
               for f in files) == pytest.approx(json.loads(chapter.with_suffix(".beats.json").read_text())["beats"][-1]
                                                ["end"], abs=0.1)


def test_a_run_killed_at_any_step_is_repaired_by_the_next(tmp_path):
    """Kill the command during the render (where the narration is made) and while it cuts slides; the
    next run finishes the job: every slide speaks."""
    command = [sys.executable, "-m", "scenes", "--slides", SCENE, "--media", str(tmp_path)]
    for moment in ("render", "cut"):
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            rendering = list(tmp_path.glob("scenes/*/render/*/videos/**/partial_movie_files/*/*.mp4"))
            cut = list(tmp_path.glob("scenes/*/*/*/TinyNarrated.slides/*.mp4"))
            if (moment == "render" and rendering) or (moment == "cut" and cut) or process.poll() is not None:
                break
            time.sleep(0.002)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        assert not list(tmp_path.glob("slides/*.html")), f"killed during the {moment} step, before the end"
    done = slides_command(tmp_path)
    assert done.returncode == 0, done.stderr
    files = clips(tmp_path)
    assert len(files) == 3 and all(loudness(f) > 0.02 for f in files[1:])


def test_the_presentation_in_a_browser(presentation, tmp_path):
    """Each slide rests on its beat's picture, the title slide on the title; slide numbers, controls and
    a progress bar; the URL follows the slide and a reload stays there; notes word for word; ``s``
    opens the speaker view with them."""
    html = next((presentation / "slides").glob("presentation-*-TinyNarrated.html"))
    files = clips(presentation)
    with Browser() as browser:
        for index, clip in enumerate(files):
            page = browser.open(f"{html.as_uri()}#/{index}")
            page.wait_until("window.Reveal && Reveal.isReady()")
            assert page.evaluate("Reveal.getIndices().h") == index, "a reload stays on the slide"
            page.evaluate(REST)
            shot = np.asarray(Image.open(page.screenshot(tmp_path / f"slide{index}.png")).convert("RGB"))
            resting = last_frame(clip)
            assert (resting.max(axis=2) > 60).mean() > 0.002, f"slide {index} rests on black"
            assert shows(shot, clip, files), f"slide {index} does not rest on its own picture"
            number = page.evaluate("document.querySelector('.slide-number').textContent").split()
            assert number == [str(index + 1), "/", str(len(files))]
            assert page.evaluate("getComputedStyle(document.querySelector('.controls')).display") != "none"
            assert page.evaluate("getComputedStyle(document.querySelector('.progress')).display") != "none"
        title = np.asarray(Image.open(tmp_path / "slide0.png").convert("L"), float)
        assert (title > 128).mean() > 0.002, "the title slide shows the title"
        page.press("ArrowLeft", "ArrowLeft", 37)
        page.wait_until("location.hash === '#/1'", timeout=10)  # the URL follows the slide
        notes = page.evaluate("Array.from(document.querySelectorAll('aside.notes')).map(a => a.textContent.trim())")
        assert notes == NOTES
        existing = {t["targetId"] for t in browser.send("Target.getTargets")["targetInfos"]}
        browser.send("Target.setDiscoverTargets", {"discover": True})
        page.press("s", "KeyS", 83)
        speaker = browser.wait_for_event("Target.targetCreated", timeout=20)["params"]["targetInfo"]
        while speaker["type"] != "page" or speaker["targetId"] in existing:
            speaker = browser.wait_for_event("Target.targetCreated", timeout=20)["params"]["targetInfo"]
        session = browser.send("Target.attachToTarget", {"targetId": speaker["targetId"], "flatten": True})["sessionId"]
        view = type(page)(browser, session, speaker["targetId"])
        view.wait_until(f"document.body && document.body.innerText.includes({json.dumps(NOTES[1])})", timeout=20)


def test_the_pptx_plays_by_itself_and_shows_each_beat(presentation, tmp_path):
    """Each slide's video starts when its slide opens; its poster is the beat's own last picture; the
    notes hold the narration. LibreOffice reads it so: its own format says "after previous", "play",
    and its PDF shows every beat, none black, none a beat behind."""
    import pptx

    deck_path = next((presentation / "slides").glob("presentation-*-TinyNarrated.pptx"))
    deck = pptx.Presentation(str(deck_path))
    files = clips(presentation)
    assert len(deck.slides) == len(files)
    for slide, note in zip(deck.slides, NOTES):
        timing = slide._element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}timing")
        xml = pptx.oxml.xmlchemy.serialize_for_reading(timing)
        assert 'nodeType="mainSeq"' in xml and 'evt="onBegin"' in xml and 'cmd="playFrom(0.0)"' in xml
        assert "interactiveSeq" not in xml and "onClick" not in xml
        assert slide.notes_slide.notes_text_frame.text == note
    shutil.copy(deck_path, tmp_path / "deck.pptx")
    for fmt in ("odp", "pdf"):
        subprocess.run(["soffice", "--headless", "--convert-to", fmt, "deck.pptx"], cwd=tmp_path, check=True,
                       capture_output=True, timeout=300)
    content = zipfile.ZipFile(tmp_path / "deck.odp").read("content.xml").decode()
    pages = re.findall(r"<draw:page .*?</draw:page>", content, re.S)
    assert len(pages) == len(files)
    for page in pages:
        assert 'presentation:node-type="after-previous"' in page and 'anim:command="play"' in page
        assert "on-click" not in page and "interactive-sequence" not in page
    subprocess.run(["pdftoppm", "-r", "72", "-png", "deck.pdf", "page"], cwd=tmp_path, check=True)
    pictures = sorted(tmp_path.glob("page-*.png"))
    assert len(pictures) == len(files)
    for picture, clip in zip(pictures, files):
        page_image = np.asarray(Image.open(picture).convert("RGB"))
        assert (page_image.max(axis=2) > 60).mean() > 0.002, f"{picture.name} is black"
        assert shows(page_image, clip, files), f"{picture.name} does not show its own beat"


def test_bad_input_keeps_the_last_good_presentation(presentation, tmp_path):
    html = next((presentation / "slides").glob("presentation-*-TinyNarrated.html"))
    before = html.read_bytes()
    result = slides_command(presentation, "pdf")
    assert result.returncode == 2 and result.stderr == "error: unknown format 'pdf' for --slides (have: html, pptx)\n"
    assert html.read_bytes() == before
    result = slides_command(Path("/proc/media"))
    assert result.returncode == 2 and result.stderr == "error: cannot write to the media folder /proc/media: " \
        "No such file or directory\n"
    scene = tmp_path / "mine.py"  # a scene of yours that renders, then breaks
    shutil.copy(ROOT / "tests" / "support" / "tiny_scenes.py", scene)
    command = [sys.executable, "-m", "scenes", "--slides", f"{scene}:TinyNarrated", "--voice", "none",
               "--media", str(tmp_path / "media")]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    (good,) = (tmp_path / "media" / "slides").glob("*.html")
    before = good.read_bytes()
    scene.write_text(scene.read_text().replace('if os.environ.get("TINY_FAIL"):', "if True:"))
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1 and "RuntimeError: asked to fail (TINY_FAIL)" in result.stderr
    assert "Traceback" not in result.stderr and "is unchanged" in result.stderr
    assert good.read_bytes() == before
