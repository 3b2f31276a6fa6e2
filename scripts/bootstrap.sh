#!/usr/bin/env bash
# Shared set-up for scripts/run and scripts/test: installs the Debian packages Qt, the
# tests and the PDF tools need when they are missing, then creates or updates .venv.
# Sourced, not executed; safe to run again (it only does what is missing).
set -euo pipefail

BB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BB_VENV="${BB_VENV:-$BB_ROOT/.venv}"

# Qt's xcb platform plugin and its X11 libraries, a virtual screen, PDF rendering, fonts,
# and spell checking (the Enchant library pyenchant binds, and British and American
# Hunspell dictionaries).
BB_APT_PACKAGES=(
  libxcb1 libx11-6 libx11-xcb1 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render0
  libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0
  libxcb-xinerama0 libxcb-xkb1 libxcb-util1 libxcb-cursor0 libxkbcommon-x11-0 libxkbcommon0
  libegl1 libgl1 libglx0 libopengl0 libfontconfig1 libfreetype6 libpng16-16 libdbus-1-3
  libglib2.0-0 xvfb xauth poppler-utils fonts-dejavu-core fonts-droid-fallback
  libenchant-2-2 hunspell-en-gb hunspell-en-us
)
# Only for the test suite: LibreOffice converts exported .docx files to check they open.
BB_TEST_APT_PACKAGES=(libreoffice-writer-nogui)

bb_log() { printf '[briefing-builder] %s\n' "$*" >&2; }

bb_missing_apt_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

bb_apt_install() {
  local missing
  missing=$(bb_missing_apt_packages "$@")
  [ -z "$missing" ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      bb_log "Missing Debian packages (install them as root): $missing"; return 0
    fi
  fi
  bb_log "Installing Debian packages: $(echo $missing)"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

bb_find_python() {
  local candidate
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  bb_log "Python 3.11 or newer is required."; return 1
}

bb_ensure_venv() {
  local python
  python=$(bb_find_python)
  if [ ! -x "$BB_VENV/bin/python" ]; then
    bb_log "Creating virtual environment in $BB_VENV"
    if ! "$python" -m venv "$BB_VENV" 2>/dev/null; then
      rm -rf "$BB_VENV"
      bb_apt_install python3-venv
      "$python" -m venv "$BB_VENV"
    fi
  fi
  # Reinstall only when the dependency list changed since the last install.
  local stamp="$BB_VENV/.briefing-builder-installed"
  local wanted
  wanted=$(sha256sum "$BB_ROOT/pyproject.toml" | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    bb_log "Installing Python packages into $BB_VENV"
    "$BB_VENV/bin/python" -m pip install -q --upgrade pip
    "$BB_VENV/bin/python" -m pip install -q -e "$BB_ROOT[test]"
    echo "$wanted" > "$stamp"
  fi
}

bb_bootstrap() {
  bb_apt_install "${BB_APT_PACKAGES[@]}"
  bb_ensure_venv
}

bb_bootstrap_tests() {
  bb_apt_install "${BB_APT_PACKAGES[@]}" "${BB_TEST_APT_PACKAGES[@]}"
  bb_ensure_venv
}
