#!/usr/bin/env bash
# The project's one command line. On first use it installs what is missing (Debian packages,
# then a .venv with requirements.txt), skipping what is already there. Then:
#   ./render.sh [SCENE ...] [--quality low|medium|high|4k] [--digit N | --image PATH]
#   ./render.sh --list          the chapters in film order
#   ./render.sh test [ARGS]     the test suite (pytest); it also installs what the tests open outputs in
# ./render.sh --help shows every option.
set -euo pipefail
cd "$(dirname "$0")"

# What each Debian package is for (README: "System packages").
DEBIAN_PACKAGES=(
  python3-venv python3-dev build-essential pkg-config  # the .venv, and compiling pycairo/ManimPango
  libcairo2-dev libpango1.0-dev                         # manim draws with cairo and sets text with Pango
  texlive-latex-base texlive-latex-extra texlive-fonts-recommended dvisvgm  # MathTex equations
  fonts-noto-cjk                                        # Hangul for the Korean film (Cyrillic is in the default fonts)
  espeak-ng                                             # --voice espeak: a machine voice for Korean, Russian …
)
# Only for `./render.sh test`: the programs the tests open the outputs in, as users would.
TEST_PACKAGES=(
  chromium            # the slides and the film's subtitles in a browser
  libreoffice-impress poppler-utils  # the PowerPoint deck in LibreOffice, its PDF pages as pictures
)
VENV=.venv
STAMP=$VENV/.requirements.sha256

say() { printf '[render.sh] %s\n' "$*" >&2; }

missing_debian_packages() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || printf '%s ' "$pkg"
  done
}

install_debian_packages() {  # the packages named as arguments, where missing
  command -v dpkg-query >/dev/null || { say "not a Debian/Ubuntu system: install the equivalents of: $*"; return 0; }
  local missing; missing=$(missing_debian_packages "$@")
  [ -z "$missing" ] && return 0
  local install="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo"; else
      say "missing Debian packages: $missing"
      say "install them as root, then run this again:"
      printf '  sudo sh -c "%s"\n' "$install" >&2
      exit 1
    fi
  fi
  say "installing Debian packages (about a minute): $missing"
  $sudo sh -c "$install" >/tmp/render-apt.log 2>&1 || { say "apt-get failed, see /tmp/render-apt.log"; exit 1; }
}

install_python_packages() {
  local want; want=$(sha256sum requirements.txt pyproject.toml | sha256sum | cut -d' ' -f1)
  [ -x "$VENV/bin/python" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$want" ] && return 0
  if [ ! -x "$VENV/bin/python" ]; then
    command -v python3 >/dev/null || { say "python3 (3.11 or newer) is needed"; exit 1; }
    python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { say "python3 is $(python3 -V 2>&1 | cut -d' ' -f2); 3.11 or newer is needed"; exit 1; }
    say "creating $VENV"
    python3 -m venv "$VENV"
  fi
  say "installing Python packages from requirements.txt into $VENV (about a minute)"
  local log=$VENV/pip.log
  if ! { "$VENV/bin/python" -m pip install --upgrade pip && "$VENV/bin/python" -m pip install -r requirements.txt; } >"$log" 2>&1; then
    tail -n 15 "$log" >&2
    say "pip install failed; the whole log is in $log"
    exit 1
  fi
  echo "$want" >"$STAMP"
}

install_debian_packages "${DEBIAN_PACKAGES[@]}"
install_python_packages

if [ "${1:-}" = "test" ]; then
  shift
  install_debian_packages "${TEST_PACKAGES[@]}"
  exec "$VENV/bin/python" -m pytest "$@"
fi
exec "$VENV/bin/python" -m scenes "$@"
