#!/usr/bin/env bash
# Starts the real application under Xvfb, types a whole designation with the keyboard and
# writes a PNG of every step into DIR (default: target/gui-shots). Prints the time to the
# first window and the memory in use.
# Needs: xvfb xauth xdotool imagemagick (see README) and ../shared/tools/gui-shot.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/target/gui-shots}
tool=${GUI_SHOT:-$root/../shared/tools/gui-shot}
cargo build --release --manifest-path "$root/Cargo.toml" --bin piqm-acces
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
"$tool" -s 1024x900 -o "$out" -k "$here/walkthrough.keys" -- \
  env HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" LANG=fr_CA.UTF-8 \
  "$root/target/release/piqm-acces"
