#!/usr/bin/env python3
"""Compare score.py figures with the floors in .ci/accuracy-floor.

Usage: accuracy.py FLOORS SEED.json POLNEAR.json

FLOORS holds `name value` lines (# starts a comment). A name containing
"wrong" is a ceiling (a count of mistakes); every other name is a floor.
Prints every figure; exits 1 naming each figure past its limit.
Standard library only.
"""
import json
import sys

# How far past its limit a figure must be before we suggest moving the limit.
HINT_MARGIN_FRACTION = 0.03
HINT_MARGIN_COUNT = 1


def read_limits(path):
    limits = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) != 2:
                sys.exit(f"accuracy: {path}:{n}: expected `name value`, got {line!r}")
            try:
                limits[parts[0]] = float(parts[1])
            except ValueError:
                sys.exit(f"accuracy: {path}:{n}: {parts[1]!r} is not a number")
    return limits


def figures(seed_path, polnear_path):
    with open(seed_path, encoding="utf-8") as f:
        seed = json.load(f)
    with open(polnear_path, encoding="utf-8") as f:
        polnear = json.load(f)
    out = {
        "seed_quotes_right": seed["quotes_right"],
        "seed_quotes": seed["quotes"],
        "seed_wrongly_attributed": seed["wrongly_attributed"],
        "seed_speaker_entities_wrong": len(seed["speaker_entities_wrong"]),
    }
    for key, value in polnear.items():
        if isinstance(value, dict):
            for metric in ("precision", "recall", "f1"):
                out[f"{key}_{metric}"] = value[metric]
    return out


def show(value):
    return str(int(value)) if float(value).is_integer() else f"{value:.4f}"


def check(name, value, limit):
    """Return (failure message or None, hint or None)."""
    ceiling = "wrong" in name
    is_count = float(limit).is_integer() and float(value).is_integer()
    margin = HINT_MARGIN_COUNT if is_count else HINT_MARGIN_FRACTION
    if ceiling and value > limit:
        return f"{name} = {show(value)} is above its ceiling {show(limit)}", None
    if not ceiling and value < limit:
        return f"{name} = {show(value)} is below its floor {show(limit)}", None
    if ceiling and value <= limit - margin:
        return None, f"{name} = {show(value)}: lower its ceiling ({show(limit)}) to {show(value)}"
    if not ceiling and value >= limit + margin:
        suggest = value if is_count else max(0.0, int(value * 100) / 100 - 0.01)
        return None, f"{name} = {show(value)}: raise its floor ({show(limit)}) to {show(suggest)}"
    return None, None


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    limits = read_limits(argv[0])
    got = figures(argv[1], argv[2])
    failures, hints = [], []
    print(f"{'figure':32} {'value':>8} {'limit':>12}")
    for name, value in got.items():
        limit = limits.get(name)
        kind = "" if limit is None else ("<= " if "wrong" in name else ">= ") + show(limit)
        print(f"{name:32} {show(value):>8} {kind:>12}")
        if limit is not None:
            failure, hint = check(name, value, limit)
            failures += [failure] if failure else []
            hints += [hint] if hint else []
    for name in limits:
        if name not in got:
            failures.append(f"{name} is in the floor file but score.py did not report it")
    for hint in hints:
        print(f"hint: {hint} in .ci/accuracy-floor")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    if failures:
        sys.exit(1)
    print("accuracy: every figure is within its limit")


if __name__ == "__main__":
    main(sys.argv[1:])
