#!/usr/bin/env bash
# Installs the Debian 12 packages CourseOps needs to build, test and run.
# This is the only place the list lives. Idempotent: apt-get update runs only
# when something is missing. Run as root (or through sudo).
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git clang libclang-rt-14-dev
  # Qt 6 and the libraries named in the architecture
  qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins libqt6svg6 qt6-svg-dev
  qt6-websockets-dev qt6-httpserver-dev qt6-charts-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqscintilla2-qt6-dev libyaml-cpp-dev libsimdjson-dev libvterm-dev
  qtkeychain-qt6-dev libssl-dev libhttp-parser-dev libgl-dev libqt6opengl6-dev libxkbcommon-dev
  # running the apps and their tests: student apps, an X server for the GUI, fonts
  # (fonts-noto-core: Devanagari for the Hindi translation)
  nodejs openssl xvfb xauth fonts-dejavu-core fonts-noto-core tmux
  # packaging checks (tests/packaging): desktop entry and AppStream validators
  desktop-file-utils appstream
)

missing=()
# Debian's nodejs ships without npm; a nodejs that bundles npm conflicts with the npm package.
command -v npm >/dev/null || packages+=(npm)
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "install-deps: all ${#packages[@]} packages present"
fi

# kubectl is not a Debian package; tests that drive it skip where it is absent.
command -v kubectl >/dev/null || echo "install-deps: note: kubectl not on PATH; the kubectl fidelity tests will be skipped"
