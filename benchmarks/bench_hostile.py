"""Time `newsclean.parse` on hostile input, and on strings crafted against the regexes that backtrack.

    python benchmarks/bench_hostile.py            # every case, then the slowest and the hungriest
    python benchmarks/bench_hostile.py --only issue13

Each case runs in a child process with a time limit (default 20 s) so a catastrophic case is reported
as "TIMEOUT" instead of hanging the run; the child's peak resident memory is reported beside its time
(the interpreter and newsclean's imports included). The goal: every input up to the default size limit
in < 2 s and < 500 MB. Cases named "rx:" target one regex (file:line in the comment); the crafted sizes
stay small enough that the quadratic/cubic/exponential ones finish, and show how the time grows.
The "issue13" group holds every hang reported in issue #13, at the size it was reported.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SEED = (ROOT / "fixtures" / "mediaindonesia.com" / "mediaindonesia.com-seed.txt").read_text(encoding="utf-8")
MI_URL = "https://mediaindonesia.com/internasional/1/x"
PROSE = (
    "Pemerintah daerah menyatakan bahwa program tersebut akan dilanjutkan pada tahun depan, "
    "meskipun anggaran yang tersedia masih terbatas dan belum disetujui oleh dewan.\n\n"
)
HEAD = "Sabtu 10 Oktober 2020, 05:53 WIB\n\nArmenia dan Azerbaijan Berunding, Rusia Jadi Penengah\n\n"
BODY = SEED[SEED.index("SEMPAT") :]


def _lines(seed: int, reverse: bool = False) -> str:
    lines = SEED.splitlines()
    if reverse:
        return "\n".join(reversed(lines))
    random.Random(seed).shuffle(lines)
    return "\n".join(lines)


# name -> (raw, parse kwargs)
def hostile_cases() -> dict[str, tuple[object, dict]]:
    return {
        "seed": (SEED, {}),
        "empty": ("", {}),
        "whitespace bytes": (b" \r\n\t" * 1000, {}),
        "NUL flood": ("\x00" * 1_000_000, {}),
        "random binary 1MB": (random.Random(1).randbytes(1_000_000), {}),
        "utf-16 bom": (SEED.encode("utf-16"), {}),
        "utf-16-le no bom": (SEED.encode("utf-16-le"), {}),
        "cp1252 bytes": (SEED.encode("cp1252", errors="replace"), {}),
        "mixed line endings": ("".join(ln + ("\n", "\r\n", "\r")[k % 3] for k, ln in enumerate(SEED.split("\n"))), {}),
        "seed + 1MB prose": (SEED + PROSE * (1_100_000 // len(PROSE)), {}),
        "seed x300": (SEED * 300, {}),
        "seed x300 bytes": ((SEED * 300).encode("utf-8"), {}),
        "100k single line": ("kata " * 20_000, {}),
        "100k letters": ("a" * 100_000, {}),
        "100k line + seed": ("x" * 100_000 + "\n\n" + SEED, {}),
        "1MB of one-word lines": ("Headline\n" * 110_000, {}),
        "1MB of short prose lines": (("Ini kalimat yang cukup. " * 3 + "\n") * 14_000, {}),
        "div x50000": ("<div>" * 50_000, {}),
        "div x50000 + prose": ("<html><body>" + "<div>" * 50_000 + "<p>" + PROSE * 30 + "</p>", {}),
        "< x100000": ("<" * 100_000, {}),
        "<p> x200000 (1MB)": ("<html><body>" + "<p>kata " * 200_000, {}),
        "unclosed tags + seed": ("<html><body><div><b><i><a href=x>" + "".join(f"<p>{p}" for p in SEED.split("\n\n")), {}),
        "html seed x300": ("<html><body>" + "".join(f"<p>{p}</p>" for p in SEED.split("\n\n")) * 300, {}),
        "chrome only": ("Beranda\nBaca E-Paper\nMI TV\nSelengkapnya\n" * 1000, {}),
        "reversed seed": (_lines(0, reverse=True), {}),
        "shuffled seed": (_lines(1), {}),
        "dates x20000": ("Senin, 21/9/2023 10:00 WIB diperbarui 2 jam lalu\n" * 20_000,
                         {"fetched_at": __import__("datetime").datetime(2023, 9, 21, 12, tzinfo=__import__("datetime").timezone.utc)}),
        "digits line 100k": ("1/1/11 12:00 " * 8_000, {}),
        "Baca juga x30000": ("Baca juga: Judul Berita Lain di Sini\n" * 30_000, {}),
        "bulleted headlines x30000": ("• Judul Berita Lain Yang Panjang\n" * 30_000, {}),
    }


def issue13_cases() -> dict[str, tuple[object, dict]]:
    from newsclean.load import DEFAULT_MAX_CHARS, DEFAULT_MAX_LINES
    from newsclean.sites import SiteProfile

    def site(**table: object) -> dict[str, object]:
        return {"site": SiteProfile.from_mapping({"name": "hostile.example", **table})}

    story = "<p>" + PROSE.strip() + "</p>"
    stories = "".join(f"<p>{k}. {PROSE.strip()}</p>" for k in range(1, 7))  # six different paragraphs
    at_limit = DEFAULT_MAX_LINES - len(SEED.splitlines())
    return {
        "seed + newlines to the limit": (SEED + "\n" * (DEFAULT_MAX_CHARS - len(SEED)), {}),
        "seed + 2.5M lines 'a', explain": (SEED + "a\n" * ((DEFAULT_MAX_CHARS - len(SEED)) // 2), {"explain": True}),
        # At the line limit: the most lines a page may have, each read by every step and explained.
        "seed + prose lines to the line limit, explain": (
            SEED + "Ini kalimat yang cukup panjang untuk dibaca sebagai prosa, kata warga.\n" * at_limit,
            {"explain": True},
        ),
        "seed + headlines to the line limit, explain": (
            SEED + "Judul Berita Lain Yang Panjang\n" * at_limit, {"explain": True}
        ),
        "seed + a 1M-character paragraph": (HEAD + (PROSE.strip() + " ") * 6_000 + "\n\n" + BODY, {}),
        "html: Baca juga <b>+<a> x6000": (
            "<html><body><div class='article-content'>" + story * 3 + "<b>Baca juga</b><a>x</a>" * 6000 + "</div>", {}
        ),
        "html: Baca juga + 40000 <br>": ("<html><body>" + story * 3 + "<p>Baca juga</p>" + "<br>" * 40_000, {}),
        "html: one <tr> with 40000 <td>": ("<html><body>" + story * 3 + "<table><tr>" + "<td>x</td>" * 40_000, {}),
        "html: 300 unclosed <span> before the story": ("<html><body>" + "<span>" * 300 + stories, {}),
        "html: 5000 nested <div><span> + story": ("<html><body>" + "<div><span>" * 5_000 + stories, {}),
        "html: 700k unclosed <span> (5 MB)": ("<html><body>" + "<span>" * 700_000 + stories, {}),
        "html: lone surrogate in the text": ("<html><body>" + stories + "<p>x\ud800y</p>" + stories.replace(".", "!"), {}),
        "html: JSON-LD nested 5000 deep": (
            "<html><head><script type='application/ld+json'>" + '{"a":' * 5_000 + "1" + "}" * 5_000
            + "</script></head><body>" + stories, {}
        ),
        "html: 20000 tag blocks on one line": (
            "<html><body><h1>Judul</h1>" + stories + "<div class='tags'><a>x</a></div>" * 20_000, {}
        ),
        "html: Baca juga in 2000 nested divs x20": (
            "<html><body><div class='article-content'>" + stories
            + ("<div>Baca juga " * 2_000 + "</div>" * 2_000) * 20, {}
        ),
        "html: 2000 nested caption blocks": (
            "<html><body><div class='article-content'>" + stories + "<div class='caption'>" * 2_000 + "x", {}
        ),
        "html: 100k tiny elements (element limit)": ("<html><body>" + stories + "<i>x</i>" * 100_000, {}),
        "html: 40k block lines (line limit)": ("<html><body>" + stories + "<div>Baris pendek</div>" * 40_000, {}),
        "bytes: UTF-8 cut inside its last character": (((PROSE * 2_000) + "—").encode("utf-8")[:-1], {}),
        "bytes: UTF-8 under <meta charset=koi8-r>": (
            ("<html><head><meta charset='koi8-r'></head><body>" + stories.replace("tahun", "tahun —") * 50).encode(),
            {},
        ),
        "profile: (a|aa)+b on a long line": (HEAD + "a" * 40 + "\n\n" + BODY, site(chrome={"pattern": ["(a|aa)+b"]})),
    }


def regex_cases() -> dict[str, tuple[object, dict]]:
    ws = " \x1f"  # '\x1f' is whitespace to `\s` and survives normalize_line; alternating with ' ' defeats run-collapsing
    return {
        # decode.py:55 _HTML_START: (?:<!--.*?-->\s*)* then "<(?:!doctype|html...)": exponential in comments
        "rx: decode._HTML_START <!----> x20": ("<!---->" * 20 + "x", {}),
        "rx: decode._HTML_START <!----> x22": ("<!---->" * 22 + "x", {}),
        "rx: decode._HTML_START <!----> x24": ("<!---->" * 24 + "x", {}),
        # sites/__init__.py:248 _related_regex: .*?\s*\|?\s*\Z over a whitespace run: cubic
        "rx: related_re ws x300": (HEAD + "Baca juga: x" + ws * 300 + "y\n\n" + BODY, {}),
        "rx: related_re ws x600": (HEAD + "Baca juga: x" + ws * 600 + "y\n\n" + BODY, {}),
        # steps/_shapes.py:33 _NAME_SPLIT: \s*(?:...|\s+dan\s+|...)\s* over a whitespace run: cubic
        "rx: _NAME_SPLIT ws x300": (HEAD + "Editor: Budi" + ws * 300 + "Santoso\n\nAFP\n\n" + BODY, {}),
        "rx: _NAME_SPLIT ws x600": (HEAD + "Editor: Budi" + ws * 600 + "Santoso\n\nAFP\n\n" + BODY, {}),
        # steps/_shapes.py:24 _CAPS_LEAD: [A-Z]{3,}[A-Z\-]* then \s+: quadratic in the capitals
        "rx: _CAPS_LEAD A x20000": (HEAD + "A" * 20_000 + "\n\n" + BODY, {}),
        # steps/_shapes.py:53 _SEPARATORS: [...]+$ tried at every start of a separator run: quadratic
        "rx: _SEPARATORS - x19000": (HEAD + "Editor: Budi " + "-" * 19_000 + " Santoso\n\n" + BODY, {}),
        # sites/mediaindonesia.com.toml byline: (?P<authors>.+?)\s+Pada\s*:\s*(?P<date>.+?\bWIB\b): quadratic
        "rx: mi byline Pada: x2500": (HEAD + "Penulis: a" + " Pada: x" * 2_500 + "\nAFP\n\n" + BODY, {"url": MI_URL}),
        # steps/_shapes.py _DATELINE_ALONE / BYLINE_WITH_OUTLET on long capitalised lines
        "rx: capitalised words x4000": (HEAD + "Aa " * 4_000 + "\n\n" + BODY, {}),
        "rx: BYLINE_WITH_OUTLET x9": (HEAD + "Budi, " * 9 + "Ab" * 5_000 + "\n\n" + BODY, {}),
        # lexicon chrome pattern '(?-i:[a-z0-9]+(-[a-z0-9]+){3,})' and pager digits
        "rx: slug a-a-a... x9000": (HEAD + "a-" * 9_000 + "!\n\n" + BODY, {}),
        "rx: pager digits x9000": (HEAD + "1 " * 9_000 + "x\n\n" + BODY, {}),
        # dates.py: long lines of date-ish tokens through find_dates/parse_date
        "rx: find_dates 1/1/1... 20k": (HEAD + "1/" * 10_000 + "\n\n" + BODY, {}),
    }


def _run(raw: object, kwargs: dict, out: "mp.Queue[tuple[float, float, str]]") -> None:
    import resource

    from newsclean import NewscleanError, parse

    start = time.perf_counter()
    try:
        article = parse(raw, **kwargs)
        result = f"Article ({len(article.body)} paragraphs)"
    except NewscleanError as exc:
        result = f"{type(exc).__name__}: {str(exc)[:60]}"
    except BaseException as exc:  # noqa: BLE001 - a crash is a finding
        result = f"CRASH {type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - start
    out.put((seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, result))  # KiB on Linux


def time_case(raw: object, kwargs: dict, limit: float) -> tuple[float, float, str]:
    """(seconds, peak resident MiB of the process that parsed, outcome)."""
    ctx = mp.get_context("fork" if sys.platform != "win32" else "spawn")
    queue: "mp.Queue[tuple[float, float, str]]" = ctx.Queue()
    proc = ctx.Process(target=_run, args=(raw, kwargs, queue))
    proc.start()
    proc.join(limit)
    if proc.is_alive():
        proc.terminate()
        proc.join()
        return float("inf"), float("nan"), f"TIMEOUT after {limit:.0f} s"
    return queue.get()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["hostile", "issue13", "regex"], default=None)
    parser.add_argument("--limit", type=float, default=20.0, help="seconds per case before it counts as a timeout")
    args = parser.parse_args()
    from newsclean import parse

    parse(SEED)  # warm imports and compiled patterns outside the timings
    groups: dict[str, Callable[[], dict[str, tuple[object, dict]]]] = {
        "hostile": hostile_cases, "issue13": issue13_cases, "regex": regex_cases,
    }
    rows: list[tuple[float, float, str, int, str]] = []
    for group, make in groups.items():
        if args.only and args.only != group:
            continue
        for name, (raw, kwargs) in make().items():
            seconds, peak, result = time_case(raw, kwargs, args.limit)
            size = len(raw) if hasattr(raw, "__len__") else 0  # type: ignore[arg-type]
            rows.append((seconds, peak, name, size, result))
            print(f"{seconds:9.3f} s {peak:7.0f} MiB  {size:>10,}  {name:38} {result}", flush=True)
    slowest = max(rows)
    hungriest = max(rows, key=lambda r: (r[1] == r[1], r[1]))  # NaN (a timeout) sorts first
    print(f"\nslowest: {slowest[2]!r} ({slowest[3]:,} chars) in {slowest[0]:.3f} s, peak {slowest[1]:.0f} MiB -> {slowest[4]}")
    print(f"most memory: {hungriest[2]!r} ({hungriest[3]:,} chars), peak {hungriest[1]:.0f} MiB in {hungriest[0]:.3f} s")
    over = [r for r in rows if r[0] >= 2.0 or not r[1] < 500]
    if over:
        print(f"{len(over)} case(s) over the goal (2 s, 500 MiB): " + ", ".join(r[2] for r in sorted(over, reverse=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
