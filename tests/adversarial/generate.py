"""The adversarial inputs, built at any size: ``cases()[name](scale)`` gives the text at scale 1, 10, …

Kept as builders rather than files so the 10× variants cost nothing in the
repository; benchmarks/bench.py --adversarial times each at 1× and 10×.
"""

from __future__ import annotations

import unicodedata


def _spaces() -> str:
    return "".join(chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Zs" or chr(c) in "\t\n\r\x0b\x0c\x85\u2028\u2029")


def cases() -> dict:
    spaces = _spaces()
    return {
        "digit runs with separators": lambda k: "1," * (5_000 * k) + "1 soldiers",
        "between between between": lambda k: "between " * (5_000 * k) + "10 and 20 men",
        "nested quotes": lambda k: '"«“' * (2_000 * k) + "he said 5" + '”»"' * (2_000 * k),
        "sentence-less words": lambda k: " ".join(["recruits"] * (10_000 * k)),
        "repeated cue phrases": lambda k: "according to British intelligence, UNN reports that " * (2_000 * k),
        "every unicode space": lambda k: ("5" + spaces) * (20 * k) + " thousand people",
        "dates without end": lambda k: "April 8, " * (3_000 * k) + "2025",
        "numbers table": lambda k: "\n".join(f"{i} | {i * 3},{i % 1000:03d} | {i % 97}%" for i in range(2_000 * k)),
        "unbalanced brackets": lambda k: "(" * (5_000 * k) + "771" + ")" * (10 * k),
        "dots": lambda k: ". " * (10_000 * k) + "1.5 million.",
    }
