#!/usr/bin/env bash
# Measures, over RUNS launches (default 5) of the release build under Xvfb, the time from
# launch to a visible window and the resident memory once idle. Targets: 150 ms, 40 MB.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tool=${GUI_SHOT:-$root/../shared/tools/gui-shot}
runs=${RUNS:-5}
cargo build --release --manifest-path "$root/Cargo.toml" --bin piqm-acces
home=$(mktemp -d)
out=$(mktemp -d)
trap 'rm -rf "$home" "$out"' EXIT
for i in $(seq "$runs"); do
  "$tool" -s 1024x768 -o "$out" -- env HOME="$home" XDG_CONFIG_HOME="$home/config" \
    XDG_DATA_HOME="$home/data" "$root/target/release/piqm-acces" | grep -E "window-ms|rss-kb"
done | awk '/window-ms/ {print; ms = ms " " $2} /rss-kb/ {print; kb = kb " " $2}
  END {print "window-ms all:" ms; print "rss-kb all:" kb}'
