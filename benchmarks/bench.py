"""Benchmark recruitx on generated variants of the example reports, against dateparser's search_dates.

usage: python benchmarks/bench.py [--reports N] [--reference N] [--stream N] [--adversarial] [--largest MB] [--fixed]

Prints reports/s and MB/s for the whole parse_report, time per stage (with
each stage's own documents/s and MB/s), peak traced memory, import time and
the cold first-parse time, and, on the same texts in the same run,
dateparser.search.search_dates(languages=['en']) with the ratio; with --fixed, what
every parse pays before it finds anything (reading the text, building the records).
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import random
import re
import statistics
import subprocess
import sys
import time
import tracemalloc

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

OUTLETS = ["UNN", "Ukrinform", "Kyiv Independent", "European Pravda", "Euromaidan Press", "Insight News"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def english_paragraphs() -> list[str]:
    """Body paragraphs of the English examples (header lines dropped)."""
    out = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n", 1)[1] if text.startswith(" date ") else text
        for para in body.split("\n\n"):
            para = para.strip()
            if para and re.search(r"[A-Za-z]{4}", para) and not re.search(r"[А-Яа-яІіЇї]{4}", para):
                out.append(para)
    return out


def vary(paragraph: str, rng: random.Random) -> str:
    """The paragraph with other numbers, years and months, so caches see new strings."""
    paragraph = re.sub(r"\b\d{1,3}(?:,\d{3})+\b", lambda m: f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}", paragraph)
    paragraph = re.sub(r"\b(?<![,.])\d{2,3}\b(?![,.]\d)", lambda m: str(rng.randint(10, 999)), paragraph)
    paragraph = re.sub(r"\b20(2[2-5])\b", lambda m: str(rng.randint(2022, 2025)), paragraph)
    return re.sub(r"\b(" + "|".join(MONTHS) + r")\b", lambda m: rng.choice(MONTHS), paragraph)


def corpus(n: int, size: int = 3000, seed: int = 0) -> list[str]:
    """n English reports of about ``size`` characters, each a header, a title and varied example paragraphs."""
    rng = random.Random(seed)
    paragraphs = english_paragraphs()
    texts = []
    for _ in range(n):
        day = f"20{rng.randint(23, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        parts = [f" date {day} Russia keeps recruiting foreigners, {rng.choice(OUTLETS)} reports"]
        length = len(parts[0])
        while length < size:
            parts.append(vary(rng.choice(paragraphs), rng))
            length += len(parts[-1]) + 2
        texts.append("\n\n".join(parts))
    return texts


def timed_stages(texts: list[str]) -> tuple[float, dict[str, float]]:
    """Total seconds of parse_report over texts, and seconds spent in each hook (all implementations)."""
    import recruitx
    from recruitx import plugins

    per_hook: dict[str, float] = collections.defaultdict(float)
    original = plugins.Runner._invoke

    def timing(self, impl, name, kwargs, diagnostics):
        started = time.perf_counter()
        try:
            return original(self, impl, name, kwargs, diagnostics)
        finally:
            per_hook[name] += time.perf_counter() - started

    plugins.Runner._invoke = timing
    try:
        started = time.perf_counter()
        for text in texts:
            recruitx.parse_report(text)
        total = time.perf_counter() - started
    finally:
        plugins.Runner._invoke = original
    return total, dict(per_hook)


def throughput(texts: list[str]) -> float:
    import recruitx

    started = time.perf_counter()
    for text in texts:
        recruitx.parse_report(text)
    return time.perf_counter() - started


def reference(texts: list[str]) -> float | None:
    """Seconds per text of dateparser.search.search_dates(text, languages=['en']), or None for no texts."""
    from dateparser.search import search_dates

    if not texts:
        return None
    search_dates(texts[0], languages=["en"])
    started = time.perf_counter()
    for text in texts:
        search_dates(text, languages=["en"])
    return (time.perf_counter() - started) / len(texts)


def _best(run, repeat: int = 5) -> float:
    """The fastest of ``repeat`` timings of ``run()``, in seconds."""
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return min(timings)


def fixed_costs(texts: list[str], calls: int = 100_000) -> dict[str, float]:
    """What every parse pays before finding anything, per report, and the price of the primitive steps.

    Reading is the document stage alone (header, lines, language, the core's
    boilerplate, sentences, tokens). Records is building the final records
    of each report from their values with the validated constructors. These
    bound how fast a parse of these reports can be while reading the whole
    text and returning validated records.
    """
    import attrs
    import regex

    import recruitx
    from recruitx.document import Document, recruitx_mark_boilerplate
    from recruitx.plugins import default_runner
    from recruitx.records import Claim, Period, Quantity, Report, Source

    tables = default_runner().tables

    def read() -> None:
        for text in texts:
            doc = Document(text, tables=tables)
            doc.mark_skipped(recruitx_mark_boilerplate(doc))
            doc.segment()
            doc.tokens

    reports = [recruitx.parse_report(text) for text in texts]
    values = [
        (
            attrs.astuple(r, recurse=False),
            [
                (
                    attrs.astuple(c, recurse=False),
                    [attrs.astuple(q, recurse=False) for q in c.quantities],
                    [attrs.astuple(p, recurse=False) for p in c.periods],
                    [attrs.astuple(s, recurse=False) for s in c.sources],
                )
                for c in r.claims
            ],
        )
        for r in reports
    ]

    def build() -> None:
        for report, claims in values:
            built = []
            for claim, quantities, periods, sources in claims:
                text, span, _, _, _, places, likelihood, topic = claim
                built.append(
                    Claim(
                        text,
                        span,
                        tuple(Source(*s) for s in sources),
                        tuple(Quantity(*q) for q in quantities),
                        tuple(Period(*p) for p in periods),
                        places,
                        likelihood,
                        topic,
                    )
                )
            Report(*report[:4], tuple(built), report[5])

    word = regex.compile(r"\w+")
    sample = texts[0]
    timed = _best(lambda: [word.match(sample, i % 1000, timeout=2.0) for i in range(calls)]) / calls
    untimed = _best(lambda: [word.match(sample, i % 1000) for i in range(calls)]) / calls
    n = len(texts)
    return {
        "reading": _best(read) / n,
        "records": _best(build) / n,
        "items": sum(1 + len(c.quantities) + len(c.periods) + len(c.sources) for r in reports for c in r.claims) / n,
        "timed call": timed,
        "untimed call": untimed,
    }


def cold_start() -> tuple[float, float]:
    """Seconds to import recruitx, and to import it and parse a first report, in fresh interpreters."""
    example = sorted(EXAMPLES.glob("*.txt"))[0]
    code_import = "import time; t=time.perf_counter(); import recruitx; print(time.perf_counter()-t)"
    code_first = (
        "import time, pathlib; t=time.perf_counter(); import recruitx; "
        f"recruitx.parse_report(pathlib.Path({str(example)!r}).read_text(encoding='utf-8')); print(time.perf_counter()-t)"
    )
    runs_import = [float(subprocess.check_output([sys.executable, "-c", code_import])) for _ in range(3)]
    runs_first = [float(subprocess.check_output([sys.executable, "-c", code_first])) for _ in range(3)]
    return statistics.median(runs_import), statistics.median(runs_first)


def peak_memory(texts: list[str]) -> float:
    import recruitx

    tracemalloc.start()
    for text in texts:
        recruitx.parse_report(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def _resident_mib(field: str = "VmRSS") -> float:
    """Resident memory in MiB from Linux /proc: current (``VmRSS``) or peak (``VmHWM``); elsewhere the
    high-water mark from getrusage."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stream_memory(n: int) -> list[tuple[int, float]]:
    """Current resident memory (MiB) at ten checkpoints while parsing n new reports (generated 1,000 at a
    time, none repeated, so no cache sees a text twice): flat means no growth."""
    import recruitx

    points = []
    texts: list[str] = []
    for i in range(n):
        if not texts:
            texts = corpus(1000, seed=1000 + i)
        recruitx.parse_report(texts.pop())
        if (i + 1) % max(1, n // 10) == 0:
            points.append((i + 1, _resident_mib()))
    return points


def adversarial() -> list[tuple[str, int, float, float, bool]]:
    """Each adversarial input parsed at 1x and 10x its size: (name, chars at 10x, s at 1x, s at 10x, within 15x)."""
    sys.path.insert(0, str(ROOT / "tests" / "adversarial"))
    from generate import cases

    import recruitx

    rows = []
    for name, build in cases().items():
        warm = build(1)  # the first parse of a kind of input pays one-time set-up (tables, imports)
        recruitx.parse_report(warm, published="2025-04-27", max_chars=len(warm) + 1)
        timings = []
        for scale in (1, 10):
            text = build(scale)
            started = time.perf_counter()
            recruitx.parse_report(text, published="2025-04-27", max_chars=len(text) + 1)
            timings.append(time.perf_counter() - started)
        rows.append((name, len(text), timings[0], timings[1], timings[1] <= 15 * max(timings[0], 1e-4)))
    return rows


def largest(megabytes: float) -> tuple[int, float, float, float, int]:
    """Parse one report of about ``megabytes`` MB (example paragraphs repeated) in a fresh interpreter:
    (chars, seconds, resident MiB before the parse, peak resident MiB, claims).

    Memory is read from the process (VmHWM), not traced: tracing slows Python
    several times over, enough for a stage's regex timeout to end it early and
    leave a parse that did less work than an untraced one.
    """
    code = (
        "import sys, time; sys.path.insert(0, sys.argv[1]); import bench, recruitx; "
        "text = bench.corpus(1, size=int(float(sys.argv[2]) * 1e6))[0]; recruitx.parse_report(text[:3000]); "
        "before = bench._resident_mib(); t = time.perf_counter(); "
        "report = recruitx.parse_report(text, max_chars=len(text) + 1); seconds = time.perf_counter() - t; "
        "errors = [d.message for d in report.diagnostics if d.level == 'error']; "
        "print(len(text), seconds, before, bench._resident_mib('VmHWM'), len(report.claims), len(errors))"
    )
    out = subprocess.check_output([sys.executable, "-c", code, str(ROOT / "benchmarks"), str(megabytes)], text=True).split()
    chars, seconds, before, peak, claims, errors = out
    if int(errors):
        raise RuntimeError(f"the largest input parsed with {errors} error diagnostics: its figures would mislead")
    return int(chars), float(seconds), float(before), float(peak), int(claims)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000, help="reports in the timed corpus")
    parser.add_argument("--reference", type=int, default=100, help="reports given to search_dates")
    parser.add_argument("--stream", type=int, default=0, help="also parse this many reports and print resident memory")
    parser.add_argument("--adversarial", action="store_true", help="time the adversarial inputs at 1x and 10x")
    parser.add_argument("--largest", type=float, default=0, help="also parse one report of this many MB")
    parser.add_argument("--fixed", action="store_true", help="also measure the fixed costs every parse pays (reading, records)")
    args = parser.parse_args(argv)

    imported, first = cold_start()
    texts = corpus(args.reports)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    import recruitx

    for text in texts[:20]:
        recruitx.parse_report(text)
    seconds = min(throughput(texts) for _ in range(3))
    staged_total, stages = timed_stages(texts)
    peak = peak_memory(texts[:200])
    ref = reference(texts[: args.reference])
    per_report = seconds / len(texts)

    print(f"recruitx {recruitx.__version__} on {len(texts)} generated English reports, {megabytes / len(texts) * 1e3:.1f} KB each")
    print(f"parse_report: {len(texts) / seconds:,.0f} reports/s, {megabytes / seconds:.2f} MB/s, {per_report * 1e3:.3f} ms/report")
    print("time per stage (all implementations of the hook):")
    for name, spent in sorted(stages.items(), key=lambda kv: -kv[1]):
        share = spent / staged_total * 100
        print(f"  {name:<36} {spent / len(texts) * 1e3:7.3f} ms/report {share:5.1f}%  {len(texts) / spent:>12,.0f} docs/s {megabytes / spent:8.2f} MB/s")
    rest = staged_total - sum(stages.values())
    print(f"  {'document, merging, records':<36} {rest / len(texts) * 1e3:7.3f} ms/report {rest / staged_total * 100:5.1f}%")
    print(f"peak traced memory over 200 reports: {peak:.1f} MiB")
    print(f"import: {imported * 1e3:.0f} ms; import + first parse: {first * 1e3:.0f} ms")
    if ref is not None:
        print(f"dateparser.search.search_dates(languages=['en']): {ref * 1e3:.2f} ms/report on {args.reference} of the same reports")
        print(f"ratio: parse_report is {ref / per_report:.1f}x faster than search_dates alone")
        periods = stages.get("recruitx_find_periods")
        if periods:
            print(f"ratio: the period stage is {ref / (periods / len(texts)):.1f}x faster than search_dates")
    if args.fixed:
        costs = fixed_costs(texts[:300])
        fixed = costs["reading"] + costs["records"]
        print(
            f"fixed costs: reading {costs['reading'] * 1e3:.3f} ms/report, building the records {costs['records'] * 1e3:.3f} ms/report "
            f"({costs['items']:.0f} claims, quantities, periods and sources per report)"
        )
        print(
            f"one regex call: {costs['timed call'] * 1e6:.2f} us with timeout=, {costs['untimed call'] * 1e6:.2f} us without; "
            f"after the fixed costs, 1 ms/report leaves {max(0.0, 1e-3 - fixed) / costs['items'] * 1e6:.1f} us per item"
        )
    if args.adversarial:
        print("adversarial inputs, parse time at 1x and 10x size (must stay within 15x):")
        for name, size, one, ten, ok in adversarial():
            print(f"  {name:<28} {one * 1e3:9.1f} ms  {ten * 1e3:9.1f} ms at {size:>9,} chars  x{ten / max(one, 1e-9):5.1f}  {'ok' if ok else 'TOO SLOW'}")
    if args.stream:  # before the largest input, whose high-water mark would hide any growth
        for count, rss in stream_memory(args.stream):
            print(f"stream: after {count:,} reports, resident memory {rss:.1f} MiB")
    if args.largest:
        size, spent, before, peak, claims = largest(args.largest)
        print(
            f"largest: {size:,} chars parsed in {spent:.2f} s ({claims:,} claims), "
            f"resident memory {before:.0f} MiB before the parse and {peak:.0f} MiB at peak"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
