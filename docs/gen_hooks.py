"""Write docs/hooks.md, the hook reference, from the docstrings and signatures in recruitx/hookspecs.py.

Run ``python docs/gen_hooks.py`` after changing a hook; tests/test_hookspecs.py checks the file is in step.
"""

from __future__ import annotations

import inspect
import pathlib

from recruitx import hookspecs

OUT = pathlib.Path(__file__).with_name("hooks.md")


def render() -> str:
    lines = [
        "# Hook reference",
        "",
        "Generated from `recruitx/hookspecs.py` by `docs/gen_hooks.py`; do not edit by hand.",
        "",
        inspect.getdoc(hookspecs) or "",
        "",
    ]
    for name, func in sorted(vars(hookspecs).items()):
        if not (name.startswith("recruitx_") and inspect.isfunction(func)):
            continue
        opts = getattr(func, "recruitx_spec", {}) or {}
        signature = str(inspect.signature(func)).replace("'", "")
        lines += [f"## {name}", "", "```python", f"def {name}{signature}", "```", ""]
        if opts.get("firstresult"):
            lines += ["*firstresult*: calling stops at the first non-`None` result.", ""]
        lines += [inspect.getdoc(func) or "", ""]
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
