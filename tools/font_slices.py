#!/usr/bin/python3
"""Cuts the Chinese font into unicode-range slices (run by Debian's /usr/bin/python3, which
has fontTools; tools/build.py calls it).

    font_slices.py FONT UI_TEXT_FILE OUT_DIR

Writes OUT_DIR/cjk-00.ttf ... cjk-NN.ttf; OUT_DIR/slices.bin, the index the page reads to
find which slice holds a character (65,536 bytes, one per BMP codepoint: slice number + 1,
0 for none; 6 KB gzip); and OUT_DIR/slices.json (file, characters, bytes of each slice, for
the size report). The order is the order of need:
  cjk-00   every character the UI's own strings use, and CJK punctuation: fetched with the
           Latin font, before the first frame;
  then     GB2312 level 1 (the 3,755 most common hanzi, most names), in slices of ~200;
  then     GB2312 level 2 (3,008 more), in slices of ~200;
  then     everything else the font has (rare names such as 喆 堃 犇 淼 燚 玥, extension A,
           kana, ...) in codepoint order, slices of ~300.
A page fetches a slice the first time one of its characters is drawn. Sections: tiers;
subsetting; index; main.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

COMMON_SLICE = 200  # GB2312 tiers: ~17 KB gzip each
RARE_SLICE = 300  # the rest: ~25 KB gzip each
PUNCTUATION = [(0x3000, 0x303F), (0xFF01, 0xFF5E), (0x2010, 0x2027)]

# --------------------------------------------------------------------------- tiers


def gb2312_level(level: int) -> list[int]:
    """Level 1: rows 0xB0-0xD7; level 2: rows 0xD8-0xF7 (codepoints, GB2312 order)."""
    rows = range(0xB0, 0xD8) if level == 1 else range(0xD8, 0xF8)
    out = []
    for hi in rows:
        for lo in range(0xA1, 0xFF):
            try:
                out.append(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return out


def chunks(codepoints: list[int], size: int) -> list[list[int]]:
    ordered = sorted(codepoints)
    count = max(1, round(len(ordered) / size))
    step = -(-len(ordered) // count)
    return [ordered[i:i + step] for i in range(0, len(ordered), step)]


def plan(cmap: dict[int, str], ui_text: str) -> list[list[int]]:
    has = set(cmap)
    taken: set[int] = set()

    def fresh(cps) -> list[int]:
        # Below U+0100 the Latin font draws (it comes first in the merged font).
        out = [c for c in dict.fromkeys(cps) if c >= 0x100 and c in has and c not in taken]
        taken.update(out)
        return out

    first = fresh([ord(ch) for ch in ui_text if ord(ch) >= 0x2000] +
                  [c for lo, hi in PUNCTUATION for c in range(lo, hi + 1)])
    slices = [sorted(first)]
    slices += chunks(fresh(gb2312_level(1)), COMMON_SLICE)
    slices += chunks(fresh(gb2312_level(2)), COMMON_SLICE)
    slices += chunks(fresh(sorted(has)), RARE_SLICE)
    return [s for s in slices if s]


# --------------------------------------------------------------------------- subsetting


def cut(font_path: Path, codepoints: list[int], out: Path) -> None:
    options = subset.Options()
    options.layout_features = ["*"]
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(font_path, lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    font.save(out)


# --------------------------------------------------------------------------- index


def ranges(codepoints: list[int]) -> str:
    """"4e00-4e05 4e07 ..." (hex, sorted): compact, and simple to read in JS."""
    out, start, prev = [], None, None
    for c in sorted(codepoints):
        if start is not None and c == prev + 1:
            prev = c
            continue
        if start is not None:
            out.append(f"{start:x}" if start == prev else f"{start:x}-{prev:x}")
        start = prev = c
    if start is not None:
        out.append(f"{start:x}" if start == prev else f"{start:x}-{prev:x}")
    return " ".join(out)


# --------------------------------------------------------------------------- main


def main(argv: list[str]) -> int:
    font_path, ui_text_file, out_dir = Path(argv[1]), Path(argv[2]), Path(argv[3])
    out_dir.mkdir(parents=True, exist_ok=True)
    cmap = TTFont(font_path, lazy=True).getBestCmap()
    slices = plan(cmap, ui_text_file.read_text(encoding="utf-8"))
    if len(slices) > 255:
        raise SystemExit("more than 255 slices do not fit slices.bin")
    table = bytearray(0x10000)
    index = []
    for i, cps in enumerate(slices):
        name = f"cjk-{i:02d}.ttf"
        cut(font_path, cps, out_dir / name)
        for c in cps:
            if c < len(table):  # ImGui draws the BMP only (16-bit ImWchar)
                table[c] = i + 1
        index.append({"file": name, "chars": len(cps), "bytes": (out_dir / name).stat().st_size,
                      "ranges": ranges(cps)})
    (out_dir / "slices.bin").write_bytes(bytes(table))
    (out_dir / "slices.json").write_text(json.dumps({"slices": index}, indent=0) + "\n")
    print(f"{len(slices)} slices, {sum(len(s) for s in slices)} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
