#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Refund Guard contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Renders resources/icons/refundguard.svg to installer/windows/refundguard.ico (16 to 256 px),
# the icon of the Windows installer and of its Start menu entry. The .ico is kept in the tree so
# a Windows build needs no SVG renderer; run this after changing the SVG. Needs rsvg-convert
# (Debian: librsvg2-bin) and ImageMagick's convert (imagemagick): ImageMagick's own SVG renderer
# draws gradients black, so librsvg renders each size and ImageMagick only packs them.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
svg=$root/resources/icons/refundguard.svg
ico=${1:-$root/installer/windows/refundguard.ico}
for tool in rsvg-convert convert; do
  if ! command -v "$tool" >/dev/null; then
    echo "make-icon: $tool is missing (apt-get install librsvg2-bin imagemagick)" >&2
    exit 1
  fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pngs=()
for size in 16 20 24 32 40 48 64 256; do
  rsvg-convert -w "$size" -h "$size" "$svg" -o "$work/$size.png"
  pngs+=("$work/$size.png")
done
convert "${pngs[@]}" "$ico"
echo "make-icon: wrote $ico"
