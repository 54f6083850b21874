#!/usr/bin/env python3
"""Installs what the build needs and builds Linli (native tests and the static web site).

Used by serve.py and tests/run.sh; run it directly for a single step:
    python3 tools/build.py setup|native|bench|fuzz|web|fonts|sizes|all

Everything downloaded goes to ignored folders or to the cache outside the tree
(LINLI_CACHE, default ~/.cache/linli): Debian binary packages through apt, Debian
*source* packages (Dear ImGui 1.92.x from forky; SDL2 2.26.5, the XLSX libraries, the QR
Code generator and zxing-cpp from bookworm) through a
private apt state folder that leaves the system's apt configuration alone, npm packages
into node_modules/. Every step is idempotent and prints nothing when there is nothing
to do; slow steps announce themselves and write their full output to a log file.

Sections: Debian packages; Debian sources (Dear ImGui, SDL2 for wasm); npm (playwright-core
for the browser tests, zxing-wasm for the camera scanner, pouchdb-server and pouchdb for
sync); fonts (the Chinese subset); builds (compiler cache, native, web, dist with icons, the
scanner's decoder and the service worker's list); setup and main.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("LINLI_CACHE", Path.home() / ".cache" / "linli"))
BUILD = ROOT / "build"
DIST = ROOT / "dist"
LOGS = BUILD / "logs"

DEBIAN_MIRROR = "http://deb.debian.org/debian"
KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg"

# Debian packages and why each is needed.
APT_PACKAGES = [
    "emscripten",  # emcc 3.1.6: the web build
    "cmake",
    "ninja-build",
    "g++",
    "dpkg-dev",  # dpkg-source, used by `apt-get source`
    "doctest-dev",  # unit tests
    "libcereal-dev",  # serialisation (header-only)
    "rapidjson-dev",  # cereal's JSON archive
    "nlohmann-json3-dev",  # JSON documents (header-only)
    "chromium",  # headless browser for end-to-end tests
    "fonts-roboto-unhinted",  # Latin UI font
    "fonts-droid-fallback",  # Chinese font (DroidSansFallbackFull)
    "python3-fonttools",  # font subsetting (Debian's /usr/bin/python3)
    "clang-format",
    "ccache",  # compiler cache in LINLI_CACHE: a fresh clone (CI) rebuilds in seconds
    "python3-openpyxl",  # tests read the app's .xlsx files back (Debian's /usr/bin/python3)
    "libzxing-dev",  # native barcode reading when zxing-cpp's sources cannot be fetched
    "clang",  # the fuzz build (preset fuzz): libFuzzer is clang's, g++ has none
    "libclang-rt-14-dev",  # clang 14's runtimes: libFuzzer, ASan, UBSan (-fsanitize=fuzzer)
]

# Debian source packages: (package, version prefix we accept, suite it comes from). The
# prefix may name a Debian revision ("1.8.0-1.1") to pick one suite's version.
IMGUI_SOURCE = ("imgui", "1.92.", "forky")
SDL2_SOURCE = ("libsdl2", "2.26.5", "bookworm")
# XLSX: libxlsxwriter writes, zlib inflates and expat parses when reading; all three are
# compiled from these sources for native and wasm by cmake/ThirdParty.cmake.
XLSXWRITER_SOURCE = ("libxlsxwriter", "1.1.", "bookworm")
ZLIB_SOURCE = ("zlib", "1:1.2.13", "bookworm")  # Debian's version has an epoch ("1:")
EXPAT_SOURCE = ("expat", "2.5.0", "bookworm")
# QR codes and barcodes: nayuki's QR Code generator (the C++ encoder; Debian's source
# package is named qr-code-generator, bookworm's 1.8.0-1.1) and zxing-cpp 1.4.x (reading
# QR Code and Code 128 only), compiled from these sources by cmake/ThirdParty.cmake.
QRCODEGEN_SOURCE = ("qr-code-generator", "1.8.0-1.1", "bookworm")
ZXING_SOURCE = ("zxing-cpp", "1.4.", "bookworm")

EMSCRIPTEN_ENV = {"NODE_PATH": "/usr/share/nodejs"}  # emcc needs acorn from Debian's node modules

QUIET = os.environ.get("LINLI_VERBOSE", "") == ""


def say(msg: str) -> None:
    print(f"[linli] {msg}", flush=True)


def run(cmd, log: str | None = None, cwd: Path | None = None, env: dict | None = None) -> None:
    """Runs a command; its output goes to a log file (quiet) and is shown only on failure."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    if log is None or not QUIET:
        subprocess.run(cmd, cwd=cwd, env=full_env, check=True)
        return
    LOGS.mkdir(parents=True, exist_ok=True)
    log_path = LOGS / log
    with open(log_path, "ab") as out:
        out.write(("\n$ " + " ".join(map(str, cmd)) + "\n").encode())
        out.flush()
        result = subprocess.run(cmd, cwd=cwd, env=full_env, stdout=out, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        tail = log_path.read_text(errors="replace").splitlines()[-60:]
        print("\n".join(tail), file=sys.stderr)
        say(f"FAILED: {' '.join(map(str, cmd))} (full log: {log_path})")
        sys.exit(result.returncode)


def sudo_prefix() -> list[str]:
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo"):
        return ["sudo", "-n"]
    say("Installing Debian packages needs root (or passwordless sudo).")
    sys.exit(1)


# --------------------------------------------------------------------------- Debian packages


def missing_apt_packages(packages: list[str]) -> list[str]:
    missing = []
    for pkg in packages:
        r = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True
        )
        if "install ok installed" not in r.stdout:
            missing.append(pkg)
    return missing


def ensure_apt_packages() -> None:
    missing = missing_apt_packages(APT_PACKAGES)
    if not missing:
        return
    say(f"Installing Debian packages: {' '.join(missing)} (first run only; a few minutes)")
    t0 = time.time()
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    run(sudo_prefix() + ["apt-get", "update", "-q"], log="apt.log", env=env)
    run(
        sudo_prefix() + ["apt-get", "install", "-y", "-q", "--no-install-recommends"] + missing,
        log="apt.log",
        env=env,
    )
    say(f"  done in {time.time() - t0:.0f} s")


# --------------------------------------------------------------------------- Debian sources


def private_apt_options() -> list[str]:
    """apt options for a private sources list and state folder (system apt untouched)."""
    apt_dir = CACHE / "apt"
    (apt_dir / "lists" / "partial").mkdir(parents=True, exist_ok=True)
    (apt_dir / "cache" / "archives" / "partial").mkdir(parents=True, exist_ok=True)
    sources = apt_dir / "sources.list"
    lines = [
        f"deb-src [signed-by={KEYRING}] {DEBIAN_MIRROR} {suite} main"
        for suite in ("bookworm", "forky")
    ]
    text = "\n".join(lines) + "\n"
    if not sources.exists() or sources.read_text() != text:
        sources.write_text(text)
    return [
        f"-o=Dir::Etc::SourceList={sources}",
        "-o=Dir::Etc::SourceParts=/dev/null",
        f"-o=Dir::State::Lists={apt_dir / 'lists'}",
        f"-o=Dir::Cache={apt_dir / 'cache'}",
        "-o=APT::Sandbox::User=root",
    ]


_lists_updated = False


def source_versions(package: str) -> list[str]:
    global _lists_updated
    opts = private_apt_options()
    if not _lists_updated:
        run(["apt-get", *opts, "update", "-q"], log="apt-source.log")
        _lists_updated = True
    r = subprocess.run(
        ["apt-cache", *opts, "showsrc", package], capture_output=True, text=True, check=True
    )
    return [line.split(":", 1)[1].strip() for line in r.stdout.splitlines() if line.startswith("Version:")]


def source_dir(spec: tuple[str, str, str], required: bool = True) -> Path | None:
    """Returns the unpacked Debian source tree for spec, fetching it once into the cache.

    When the mirror serves the upstream tarball but not Debian's packaging (seen for
    qr-code-generator: its .debian.tar.xz answers 404), the upstream tarball alone is
    unpacked: apt checked its hash against the signed source index, and none of these
    libraries needs Debian's patches to be compiled by cmake/ThirdParty.cmake. When not even
    that can be fetched, a spec that is not required gives None (retried a day later)."""
    package, prefix, _suite = spec
    src_root = CACHE / "src"
    src_root.mkdir(parents=True, exist_ok=True)
    # The unpacked folder is named after the upstream version (no epoch, no Debian revision).
    upstream_prefix = prefix.split(":")[-1].split("-")[0]
    for existing in sorted(src_root.glob(f"{package}-{upstream_prefix}*")):
        if (existing / ".linli-complete").exists():
            return existing
    missing = src_root / f".missing-{package}-{prefix}"
    if not required and missing.exists() and time.time() - missing.stat().st_mtime < 86400:
        return None
    say(f"Fetching Debian source package {package} {prefix}* (first run only)")
    versions = [v for v in source_versions(package) if v.startswith(prefix)]
    if not versions:
        say(f"No {package} {prefix}* in Debian's source lists; cannot continue.")
        sys.exit(1)
    version = sorted(versions)[-1]
    work = src_root / f".download-{package}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    LOGS.mkdir(parents=True, exist_ok=True)
    cmd = ["apt-get", *private_apt_options(), "source", f"{package}={version}"]
    with open(LOGS / "apt-source.log", "ab") as out:
        out.write(("\n$ " + " ".join(cmd) + "\n").encode())
        out.flush()
        fetched = subprocess.run(cmd, cwd=work, stdout=out, stderr=subprocess.STDOUT).returncode == 0
    note = version
    if not fetched:
        origs = sorted(work.glob("*.orig.tar.*"))
        if not origs:
            shutil.rmtree(work, ignore_errors=True)
            if required:
                say(f"FAILED: apt-get source {package}={version} (log: {LOGS / 'apt-source.log'})")
                sys.exit(1)
            say(f"  {package} {version}: the mirror does not serve its sources "
                f"(log: {LOGS / 'apt-source.log'}); going on without it")
            missing.write_text(version + "\n")
            return None
        say(f"  {package} {version}: Debian's packaging is not on the mirror; "
            f"using the upstream tarball {origs[0].name} (hash checked by apt)")
        for item in work.iterdir():
            if item.is_dir():
                shutil.rmtree(item)
        subprocess.run(["tar", "-xf", origs[0].name], cwd=work, check=True)
        note = f"{version} (upstream tarball only: {origs[0].name})"
    unpacked = [p for p in work.iterdir() if p.is_dir()]
    if len(unpacked) != 1:
        say(f"Unexpected layout after apt-get source {package}: {unpacked}")
        sys.exit(1)
    upstream = version.split(":")[-1].split("-")[0].split("+")[0]
    final = src_root / f"{package}-{upstream}"
    shutil.rmtree(final, ignore_errors=True)
    unpacked[0].rename(final)
    shutil.rmtree(work, ignore_errors=True)
    missing.unlink(missing_ok=True)
    (final / ".linli-complete").write_text(note + "\n")
    return final


def imgui_dir() -> Path:
    return source_dir(IMGUI_SOURCE)


def third_party_args() -> list[str]:
    """CMake arguments naming the third-party sources (cmake/ThirdParty.cmake): the XLSX
    libraries, the QR Code encoder and the barcode reader."""
    return [
        f"-DLINLI_XLSXWRITER_DIR={source_dir(XLSXWRITER_SOURCE)}",
        f"-DLINLI_ZLIB_DIR={source_dir(ZLIB_SOURCE)}",
        f"-DLINLI_EXPAT_DIR={source_dir(EXPAT_SOURCE)}",
        f"-DLINLI_QRCODEGEN_DIR={source_dir(QRCODEGEN_SOURCE)}",
        # Empty when Debian's mirror cannot serve zxing-cpp's sources: native builds then
        # read barcodes through Debian's libzxing-dev, and the web build has no reader.
        f"-DLINLI_ZXING_DIR={source_dir(ZXING_SOURCE, required=False) or ''}",
    ]


def needs_configure(build_dir: Path, args: list[str]) -> bool:
    """True when build_dir is not configured yet or its cache lacks one of args (a build
    folder made before an argument was added gets it on the next build)."""
    cache = build_dir / "CMakeCache.txt"
    if not (build_dir / "build.ninja").exists() or not cache.exists():
        return True
    text = cache.read_text(errors="replace")
    for arg in args:
        name, _, value = arg[2:].partition("=")
        if f"{name}:PATH={value}\n" not in text and f"{name}:UNINITIALIZED={value}\n" not in text:
            return True
    return False


def sdl2_wasm_prefix() -> Path:
    """SDL2 built for wasm with emscripten, cached outside the tree (about 4 minutes once).
    Lean: only what the app uses (video, events, timers; ImGui draws with WebGL itself), for
    size, since every visitor downloads it: no audio, renderer, joysticks, haptics, sensors,
    power or HID, and SDL_LEAN_AND_MEAN drops the optimised software blitters and RLE (a
    canvas app never blits surfaces; SDL's generic blitter remains). The folder's name
    carries the configuration, so a changed one builds afresh."""
    prefix = CACHE / "sdl2-2.26.5-wasm-lean"
    if (prefix / ".linli-complete").exists():
        return prefix
    src = source_dir(SDL2_SOURCE)
    say("Building SDL2 2.26.5 for WebAssembly (first run only; about 4 minutes on 2 cores)")
    t0 = time.time()
    build = CACHE / "sdl2-build"
    shutil.rmtree(build, ignore_errors=True)
    shutil.rmtree(prefix, ignore_errors=True)
    run(
        [
            "emcmake", "cmake", "-S", str(src), "-B", str(build), "-G", "Ninja",
            "-DCMAKE_BUILD_TYPE=MinSizeRel", "-DSDL_SHARED=OFF", "-DSDL_STATIC=ON", "-DSDL_TEST=OFF",
            "-DCMAKE_C_FLAGS=-DSDL_LEAN_AND_MEAN=1", "-DSDL_AUDIO=OFF", "-DSDL_RENDER=OFF",
            "-DSDL_JOYSTICK=OFF", "-DSDL_HAPTIC=OFF", "-DSDL_SENSOR=OFF", "-DSDL_POWER=OFF",
            "-DSDL_HIDAPI=OFF",
            f"-DCMAKE_INSTALL_PREFIX={prefix}",
        ],
        log="sdl2.log",
        env=EMSCRIPTEN_ENV,
    )
    run(["cmake", "--build", str(build)], log="sdl2.log", env=EMSCRIPTEN_ENV)
    run(["cmake", "--install", str(build)], log="sdl2.log", env=EMSCRIPTEN_ENV)
    shutil.rmtree(build, ignore_errors=True)
    (prefix / ".linli-complete").write_text("ok\n")
    say(f"  done in {time.time() - t0:.0f} s")
    return prefix


# --------------------------------------------------------------------------- npm


# The camera scanner's decoder where the browser has no BarcodeDetector: zxing-cpp compiled
# to wasm by the zxing-wasm package, its reader build only (QR Code, Code 128, ...). Its
# self-contained script (global ZXingWASM) and .wasm go to dist/scanner/, loaded by
# shell/bridge/scanner.js on the first scan and cached by the service worker then.
ZXING_WASM = ROOT / "node_modules" / "zxing-wasm" / "dist"
SCANNER_FILES = {
    "zxing_reader.js": ZXING_WASM / "iife" / "reader" / "index.js",
    "zxing_reader.wasm": ZXING_WASM / "reader" / "zxing_reader.wasm",
}


# The sync peer for tests and the office laptop (tools/sync_server.mjs, docs/sync.md).
SYNC_SERVER_FILES = [
    ROOT / "node_modules" / "pouchdb-server" / "bin" / "pouchdb-server",
    ROOT / "node_modules" / "pouchdb-adapter-leveldb" / "package.json",  # pouchdb-server --dir
    ROOT / "node_modules" / "pouchdb" / "package.json",  # the reference client in the tests
]


def ensure_npm() -> None:
    """npm ci from package-lock.json, without optional dependencies: pouchdb-server's
    optional sqlite3 cannot be fetched offline and is not used (LevelDB through
    pouchdb-adapter-leveldb, which ships a linux-x64 prebuild of leveldown)."""
    lock = ROOT / "package-lock.json"
    stamp = ROOT / "node_modules" / ".package-lock.json"
    if (stamp.exists() and stamp.stat().st_mtime >= lock.stat().st_mtime
            and all(f.exists() for f in [*SCANNER_FILES.values(), *SYNC_SERVER_FILES])):
        return
    say("Installing npm packages (playwright-core, zxing-wasm, pouchdb-server, pouchdb, lighthouse)")
    run(["npm", "ci", "--omit=optional", "--no-audit", "--no-fund", "--loglevel=error"],
        log="npm.log", cwd=ROOT)


# --------------------------------------------------------------------------- fonts

ASSETS = ROOT / "assets"
FONT_SLICES = ASSETS / "fonts" / "slices.json"  # which characters each shipped font holds


def subset(font: Path, out: Path, text: str | None = None, unicodes: str | None = None) -> None:
    args = [
        "/usr/bin/python3", "-m", "fontTools.subset", str(font), f"--output-file={out}",
        "--layout-features=*", "--no-hinting", "--desubroutinize", "--name-IDs=*",
        "--notdef-outline",
    ]
    if text is not None:
        text_file = out.with_suffix(".txt")
        text_file.write_text(text, encoding="utf-8")
        args.append(f"--text-file={text_file}")
    if unicodes is not None:
        args.append(f"--unicodes={unicodes}")
    run(args, log="fonts.log")


# Settings draws these rare characters to show that slices load; they stay out of the first.
RARE_PROBE = "喆堃犇淼燚玥"


def ui_text() -> str:
    """The UI's own strings (src/text, src/ui): their characters go into the first slice."""
    files = sorted((ROOT / "src" / "text").glob("*.cpp")) + sorted((ROOT / "src" / "ui").rglob("*.cpp"))
    text = "".join(p.read_text(encoding="utf-8") for p in files)
    return "".join(ch for ch in text if ch not in RARE_PROBE)


def build_fonts() -> Path:
    """Builds the Latin font and the Chinese slices into build/fonts (cached on the inputs'
    identity): latin.ttf, cjk-00.ttf ... cjk-NN.ttf and slices.bin (tools/font_slices.py)."""
    out = BUILD / "fonts"
    config = json.loads(FONT_SLICES.read_text(encoding="utf-8"))
    latin, cjk = config["latin"], config["cjk"]
    slicer = ROOT / "tools" / "font_slices.py"
    key = hashlib.sha256(
        FONT_SLICES.read_bytes() + slicer.read_bytes() + ui_text().encode() +
        "".join(f"{f}:{Path(f).stat().st_size}" for f in (latin["font"], cjk["font"])).encode()
    ).hexdigest()
    if (out / ".key").exists() and (out / ".key").read_text() == key:
        return out
    say("Cutting the fonts into slices")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    subset(Path(latin["font"]), out / "latin.ttf", unicodes=latin["unicodes"])
    text_file = out / "ui-text.txt"
    text_file.write_text(ui_text(), encoding="utf-8")
    run(["/usr/bin/python3", str(slicer), cjk["font"], str(text_file), str(out)], log="fonts.log")
    (out / ".key").write_text(key)
    return out


# --------------------------------------------------------------------------- builds


def compiler_cache() -> tuple[list[str], dict]:
    """ccache for our compiles: CMake arguments and environment. Keyed on paths relative to
    the checkout (CCACHE_BASEDIR, no cwd in the hash), so every clone shares the cache."""
    if shutil.which("ccache") is None:
        return [], {}
    env = {
        "CCACHE_DIR": str(CACHE / "ccache"),
        "CCACHE_BASEDIR": str(ROOT),
        "CCACHE_NOHASHDIR": "1",
        "CCACHE_MAXSIZE": "2G",
    }
    args = ["-DCMAKE_C_COMPILER_LAUNCHER=ccache", "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"]
    return args, env


def build_preset(preset: str, dirs: list[str], what: str | None = None) -> Path:
    """Configures (when its inputs changed) and builds one native CMake preset into
    build/<preset>, through the compiler cache; says how long it took when that was long."""
    build_dir = BUILD / preset
    cache_args, cache_env = compiler_cache()
    if needs_configure(build_dir, dirs):
        run(["cmake", "--preset", preset, *dirs, *cache_args],
            log=f"{preset}.log", cwd=ROOT, env=cache_env)
    t0 = time.time()
    run(["cmake", "--build", "--preset", preset], log=f"{preset}.log", cwd=ROOT, env=cache_env)
    if what and time.time() - t0 > 20:
        say(f"Compiled {what} in {time.time() - t0:.0f} s")
    return build_dir


def build_native() -> Path:
    return build_preset("native", [f"-DLINLI_IMGUI_DIR={imgui_dir()}", *third_party_args()],
                        "the native tests")


def build_bench() -> Path:
    """The native benchmarks: Release, no sanitizers (numbers as users' code runs)."""
    return build_preset("bench", [f"-DLINLI_IMGUI_DIR={imgui_dir()}", *third_party_args()])


def build_fuzz() -> Path:
    """The libFuzzer targets (tests/fuzz): clang, ASan + UBSan, only the layers they need
    (no ImGui, no UI, no unit tests). Run them with tests/bench/fuzz.sh."""
    return build_preset("fuzz", third_party_args(), "the fuzz targets")


def build_web() -> Path:
    build_dir = BUILD / "web"
    sdl = sdl2_wasm_prefix()
    imgui = imgui_dir()
    cache_args, cache_env = compiler_cache()
    env = {**EMSCRIPTEN_ENV, **cache_env}
    dirs = [f"-DLINLI_IMGUI_DIR={imgui}", f"-DLINLI_SDL2_PREFIX={sdl}", *third_party_args()]
    if needs_configure(build_dir, dirs):
        say("Configuring the web build")
        run(
            ["cmake", "--preset", "web", *dirs, *cache_args],
            log="web.log", cwd=ROOT, env=env,
        )
    t0 = time.time()
    run(["cmake", "--build", "--preset", "web"], log="web.log", cwd=ROOT, env=env)
    if time.time() - t0 > 20:
        say(f"Compiled the web build in {time.time() - t0:.0f} s")
    assemble_dist(build_dir, build_fonts())
    return DIST


def content_hash(paths: list[Path], root: Path) -> str:
    """A hash of the files' paths (relative to root, so a moved file counts) and bytes."""
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.relative_to(root).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def icon_png(size: int) -> bytes:
    """The app icon (assets/icon.svg's shapes: a white house on green) as a PNG, drawn here
    so that no image tool is needed."""
    import struct
    import zlib

    green, white = (0x0B, 0x6E, 0x4F), (0xFF, 0xFF, 0xFF)

    def colour(x: float, y: float):  # coordinates in the SVG's 512 box
        # Rounded square (radius 96).
        cx, cy = min(max(x, 96), 416), min(max(y, 96), 416)
        if (x - cx) ** 2 + (y - cy) ** 2 > 96 ** 2:
            return None
        if (x - 256) ** 2 + (y - 236) ** 2 <= 34 ** 2:
            return green  # window
        roof = 232 >= y >= 92 and abs(x - 256) <= (y - 92) * (168 / 140)
        body = 140 <= x <= 372 and 232 <= y <= 420 and not (236 <= x <= 276 and y >= 312)
        return white if roof or body else green

    rows = []
    samples = ((0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75))
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sx, sy in samples:
                c = colour((px + sx) * 512 / size, (py + sy) * 512 / size)
                if c is not None:
                    acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            n = len(samples)
            alpha = acc[3] // n
            covered = max(1, acc[3] // 255)
            row += bytes([acc[0] // covered, acc[1] // covered, acc[2] // covered, alpha])
        rows.append(bytes(row))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def build_icons() -> Path:
    out = BUILD / "icons"
    key = out / ".key-v1"
    if not key.exists():
        out.mkdir(parents=True, exist_ok=True)
        for size in (192, 512):
            (out / f"icon-{size}.png").write_bytes(icon_png(size))
        key.write_text("ok")
    return out


def content_security_policy() -> str:
    """The site's Content-Security-Policy (a <meta> in index.html, so that any static host
    serves it). Scripts only from the site itself, and wasm compiled ('wasm-unsafe-eval', not
    'unsafe-eval'); nothing from any other host. connect-src is the site itself plus the sync
    servers named in LINLI_SYNC_ORIGINS (space-separated origins, e.g.
    "https://couch.example.org"; `serve.py --sync` proxies the server under /couch/ on the
    site's own origin and needs none). Inline styles are allowed: the printed pages, opened
    from blob: URLs, inherit this policy and carry their own <style> (and their own policy
    that allows no script at all)."""
    origins = os.environ.get("LINLI_SYNC_ORIGINS", "").split()
    for origin in origins:
        if not re.fullmatch(r"https?://[A-Za-z0-9.\-\[\]:*]+", origin):
            raise SystemExit(f"LINLI_SYNC_ORIGINS: {origin!r} is not an origin like https://host:port")
    return "; ".join([
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src " + " ".join(["'self'", *origins]),
        "worker-src 'self'",
        "manifest-src 'self'",
        "media-src 'self' blob:",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
    ])


def assemble_dist(web_build: Path, fonts: Path) -> None:
    """Copies the built site into dist/: every URL in it is relative (sub-path hosting)."""
    staging = BUILD / "dist-staging"
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "fonts").mkdir(parents=True)
    for name in ("linli.js", "linli.wasm"):
        shutil.copy2(web_build / name, staging / name)
    # The Latin font and the first Chinese slice are precached; the other slices and their
    # index are fetched when a character in them is first drawn (shell/bridge/fonts.js) and
    # then kept by the service worker.
    for font in ["latin.ttf", "cjk-00.ttf"]:
        shutil.copy2(fonts / font, staging / "fonts" / font)
    on_demand = BUILD / "dist-fonts"
    shutil.rmtree(on_demand, ignore_errors=True)
    on_demand.mkdir(parents=True)
    for font in sorted(fonts.glob("cjk-*.ttf")) + [fonts / "slices.bin"]:
        if font.name != "cjk-00.ttf":
            shutil.copy2(font, on_demand / font.name)
    for icon in build_icons().glob("*.png"):
        shutil.copy2(icon, staging / icon.name)
    shutil.copy2(ASSETS / "icon.svg", staging / "icon.svg")
    # shell/ with its subfolders (shell/bridge/); sw.js is a template, filled in below.
    shell = ROOT / "shell"
    for item in sorted(shell.rglob("*")):
        rel = item.relative_to(shell)
        if item.is_file() and rel != Path("sw.js"):
            (staging / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(item, staging / rel)
    # The policy before the hash: a build for other sync servers is a new version.
    index = staging / "index.html"
    index.write_text(index.read_text().replace("__LINLI_CSP__", content_security_policy()))
    files = [p for p in staging.rglob("*") if p.is_file()]
    # The version is a hash of everything the service worker caches.
    version = content_hash(files, staging)
    # The scanner's decoder: not precached (most visits never scan); the service worker
    # caches it when first fetched, in a cache named after these files' hash so that it
    # outlives app builds that leave zxing-wasm unchanged.
    (staging / "scanner").mkdir()
    for name, source in SCANNER_FILES.items():
        shutil.copy2(source, staging / "scanner" / name)
    scanner_version = content_hash(list((staging / "scanner").iterdir()), staging)
    # The XLSX module (cmake/Web.cmake): loaded the first time a workbook is saved or opened,
    # then cached like the scanner.
    (staging / "xlsx").mkdir()
    for name in ("linli_xlsx.js", "linli_xlsx.wasm"):
        shutil.copy2(web_build / name, staging / "xlsx" / name)
    xlsx_version = content_hash(list((staging / "xlsx").iterdir()), staging)
    # The font slices fetched on demand: cached like the scanner, in a cache named after
    # their hash (a new build with the same fonts keeps what a device fetched so far).
    slices = []
    for font in sorted(on_demand.iterdir()):
        shutil.copy2(font, staging / "fonts" / font.name)
        slices.append(staging / "fonts" / font.name)
    fonts_version = content_hash(slices, staging)
    names = sorted(p.relative_to(staging).as_posix() for p in files)
    manifest = {"version": version, "files": names + ["sw.js"],
                "on_first_use": sorted(f"scanner/{name}" for name in SCANNER_FILES) +
                ["xlsx/linli_xlsx.js", "xlsx/linli_xlsx.wasm"] +
                sorted(p.relative_to(staging).as_posix() for p in slices)}
    (staging / "build.json").write_text(json.dumps(manifest, indent=1) + "\n")
    index = staging / "index.html"
    index.write_text(index.read_text().replace("__LINLI_BUILD__", version))
    sw = (ROOT / "shell" / "sw.js").read_text()
    sw = sw.replace("__LINLI_BUILD__", version).replace(
        "__LINLI_FILES__", json.dumps(["./"] + names + ["build.json"])).replace(
        "__LINLI_SCANNER__", scanner_version).replace("__LINLI_FONTS__", fonts_version).replace(
        "__LINLI_XLSX__", xlsx_version)
    (staging / "sw.js").write_text(sw)
    if DIST.exists():
        shutil.rmtree(DIST)
    staging.rename(DIST)


def size_report() -> list[tuple[str, int, int]]:
    rows = []
    for p in sorted(DIST.rglob("*")):
        if p.is_file():
            data = p.read_bytes()
            rows.append((str(p.relative_to(DIST)), len(data), len(gzip.compress(data, 9))))
    return rows


def setup() -> None:
    ensure_apt_packages()
    imgui_dir()
    third_party_args()
    sdl2_wasm_prefix()
    ensure_npm()


def main(argv: list[str]) -> int:
    step = argv[1] if len(argv) > 1 else "all"
    if step == "setup":
        setup()
    elif step == "native":
        ensure_apt_packages()
        build_native()
    elif step == "bench":
        ensure_apt_packages()
        build_bench()
    elif step == "fuzz":
        ensure_apt_packages()
        build_fuzz()
    elif step == "fonts":
        build_fonts()
    elif step == "web":
        setup()
        build_web()
    elif step == "sizes":
        for name, raw, gz in size_report():
            print(f"{name:28s} {raw:>10,d} B  {gz:>10,d} B gzip")
    elif step == "all":
        setup()
        build_native()
        build_web()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
