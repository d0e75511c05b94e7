"""The voice: offline, deterministic, cached; your own recordings; silence paced for reading; and the
narration in a rendered chapter's sound track, in sync with its beats."""
import os
import wave

import av
import numpy as np
import pytest

from scenes.content.narration import BeatScript
from scenes.runtime import voice as voices
from scenes.runtime.voice import SAMPLE_RATE, PiperVoice, RecordedVoice, SilentVoice, VoiceError

BEAT = BeatScript("t01", "hello", "Hello", "A neuron holds a number. It is called its activation.")


@pytest.fixture(scope="module")
def piper(tmp_path_factory):
    return PiperVoice(cache=tmp_path_factory.mktemp("voice"))


def write_recording(path, seconds=1.0, rate=44_100, channels=2):
    t = np.arange(int(seconds * rate)) / rate
    tone = (0.3 * np.sin(2 * np.pi * 220 * t) * (t > 0.2) * (t < seconds - 0.2) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(np.repeat(tone, channels).tobytes())
    return path


def test_telemetry_is_off_before_onnxruntime_loads():
    assert os.environ.get("ORT_DISABLE_TELEMETRY") == "1"


def test_the_same_text_gives_the_same_audio(piper, tmp_path):
    first = piper.speak(BEAT)
    again = PiperVoice(cache=tmp_path).speak(BEAT)  # another cache: synthesised afresh
    np.testing.assert_array_equal(first.audio, again.audio)
    other = piper.speak(BeatScript("t01", "x", "x", "A neuron holds a different number."))
    assert len(other.audio) != len(first.audio) or not np.array_equal(other.audio, first.audio)


def test_speech_times_each_sentence_from_the_audio(piper):
    speech = piper.speak(BEAT)
    assert speech.sentences == ("A neuron holds a number.", "It is called its activation.")
    (s0, e0), (s1, e1) = speech.spans
    assert 0 <= s0 < 0.2 and s0 < e0 < s1 < e1 <= speech.duration == pytest.approx(len(speech.audio) / SAMPLE_RATE)
    loud = np.abs(speech.audio) > voices.SPEECH_LEVEL
    assert not loud[int(e0 * SAMPLE_RATE) + 1:int(s1 * SAMPLE_RATE) - 1].any(), "a pause between the sentences"
    assert np.abs(speech.audio).max() < 0.99, "no clipping"


def test_an_unchanged_sentence_is_never_synthesised_twice(piper, monkeypatch):
    piper.speak(BEAT)
    cached = PiperVoice(cache=piper.cache.parent)
    monkeypatch.setattr(cached, "_synthesise", lambda sentence: pytest.fail(f"synthesised {sentence!r} again"))
    np.testing.assert_array_equal(cached.speak(BEAT).audio, piper.speak(BEAT).audio)


def test_the_bundled_model_is_checked_against_its_sha256(monkeypatch):
    monkeypatch.setattr(voices, "BUNDLED_MODEL_SHA256", "0" * 64)
    with pytest.raises(VoiceError, match="fails its checksum"):
        PiperVoice()


def test_a_corrupt_voice_file_is_one_clear_error(tmp_path):
    model = tmp_path / "broken.onnx"
    model.write_bytes(b"not a model")
    (tmp_path / "broken.onnx.json").write_text(voices.bundled_model().with_suffix(".onnx.json").read_text())
    with pytest.raises(VoiceError, match="cannot load the voice broken.onnx") as error:
        PiperVoice(model, cache=tmp_path).sentence_audio("Hello.")
    assert "\n" not in str(error.value)
    with pytest.raises(VoiceError, match="voice file not found"):
        PiperVoice(tmp_path / "missing.onnx")


def test_silence_is_paced_for_reading_the_caption():
    speech = SilentVoice().speak(BEAT)
    assert speech.audio is None
    assert speech.duration == pytest.approx(1 / voices.READING_WORDS_PER_SECOND + voices.LOOKING_SECONDS)
    (s0, e0), (s1, e1) = speech.spans
    assert s0 == 0 and e0 == s1 and e1 == pytest.approx(speech.duration)
    assert (e0 - s0) / (e1 - s1) == pytest.approx(len(BEAT.sentences()[0]) / len(BEAT.sentences()[1]))


def test_a_recording_is_used_resampled_and_shared_out_by_sentence(tmp_path):
    write_recording(tmp_path / "t01.hello.wav", seconds=2.0)
    speech = RecordedVoice(tmp_path, SilentVoice()).speak(BEAT)
    assert speech.duration == pytest.approx(2.0, abs=0.01) and len(speech.audio) == pytest.approx(2 * SAMPLE_RATE, abs=2)
    (s0, e0), (s1, e1) = speech.spans
    assert s0 == pytest.approx(0.2, abs=0.02) and e1 == pytest.approx(1.8, abs=0.02) and e0 == s1


def test_a_missing_recording_falls_back_with_a_warning(tmp_path, capsys):
    speech = RecordedVoice(tmp_path, SilentVoice()).speak(BEAT)
    assert speech.audio is None
    assert "no recording t01.hello.wav" in capsys.readouterr().err


def test_a_recording_that_is_not_a_wav_is_refused(tmp_path):
    (tmp_path / "t01.hello.wav").write_text("hello")
    with pytest.raises(VoiceError, match="not a readable WAV|not a WAV"):
        RecordedVoice(tmp_path, SilentVoice()).speak(BEAT)
    with pytest.raises(VoiceError, match="is not a folder"):
        RecordedVoice(tmp_path / "nowhere", SilentVoice())


@pytest.mark.render
def test_a_narrated_chapter_has_sound_in_sync_with_its_beats(render_tiny, monkeypatch, piper):
    from tests.support.tiny_scenes import TinyNarrated

    monkeypatch.setenv("NN_VOICE", "piper")
    run = render_tiny(TinyNarrated)
    with av.open(str(run.video)) as container:
        video, sound = container.streams.video[0], container.streams.audio[0]
        assert sound.codec_context.name == "aac"
        assert (sound.rate, sound.channels) == (SAMPLE_RATE, 1), "mono, at the voice's rate"
        video_seconds = float(video.duration * video.time_base)
        samples = np.concatenate([f.to_ndarray()[0] for f in container.decode(sound)])  # the first channel
        rate = sound.rate
    assert abs(len(samples) / rate - video_seconds) <= 1 / 15 + 1024 / rate, "sound as long as the picture"
    loud = np.flatnonzero(np.abs(samples) > 0.02) / rate
    for beat in run.timing["beats"]:
        onset = loud[loud >= beat["start"] - 0.05][0]
        assert onset - beat["start"] < 0.1, f"{beat['key']}: speech starts {onset - beat['start']:.2f} s late"
    srt = run.video.with_suffix(".srt").read_text()
    assert "A tiny chapter speaks." in srt


def test_espeak_speaks_korean_and_russian_offline_and_the_same_every_time(tmp_path):
    from scenes.runtime.voice import EspeakVoice

    korean = EspeakVoice("ko", cache=tmp_path / "a")
    beat = BeatScript("t01", "hello", "뉴런", "뉴런은 숫자 하나를 담습니다. 그것을 활성값이라고 부릅니다.")
    first = korean.speak(beat)
    assert korean.language == "ko" and korean.name == "espeak" and len(first.spans) == 2
    assert np.abs(first.audio).max() > 0.1 and first.duration > 1.5
    np.testing.assert_array_equal(first.audio, EspeakVoice("ko", cache=tmp_path / "b").speak(beat).audio)
    russian = EspeakVoice("ru", cache=tmp_path / "c").speak(BeatScript("t01", "x", "x", "Нейрон хранит число."))
    assert np.abs(russian.audio).max() > 0.1
    assert EspeakVoice("ko", cache=tmp_path).identity != EspeakVoice("ru", cache=tmp_path).identity
    with pytest.raises(VoiceError, match="espeak-ng has no voice for language 'xx'"):
        EspeakVoice("xx", cache=tmp_path)


def test_a_voice_says_its_own_languages_words_under_the_films_captions():
    """The Korean film told by the English voice: the same beat of the English script, sentence for
    sentence; told by a Korean voice (or recordings, or none): the Korean words."""
    from scenes.chapters.ch04_layers import IntroducingLayers
    from scenes.content.narration import load_script

    values = {"answer": 3, "output": 0.8049}
    korean = load_script("ko").chapter("ch04").beat("forward-pass").filled(values)
    spoken = IntroducingLayers.spoken_words(korean, "en", values)
    assert spoken.say == load_script("en").chapter("ch04").beat("forward-pass").filled(values).say
    assert len(spoken.sentences()) == len(korean.sentences())
    assert IntroducingLayers.spoken_words(korean, "ko", values) is korean
    assert IntroducingLayers.spoken_words(korean, None, values) is korean
    speech = SilentVoice().speak(spoken).retold(korean.sentences())
    assert speech.sentences == tuple(korean.sentences()) and len(speech.spans) == len(spoken.sentences())
