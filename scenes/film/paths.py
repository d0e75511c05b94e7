"""Where things are: the project, and the media folder every render writes to."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MEDIA = ROOT / "media"
VOICE_CACHE = MEDIA / "voice"  # synthesised sentences, by voice and text
