#!/usr/bin/env python3
"""Seeded random span reliability data and the expected values of Krippendorff's 2016 unitizing family.

Each <case>.json is span reliability data (see /work/shared/agreement-reference/UNITIZING.md); <case>.expected.json
holds |uα, uα, cuα and per code (k)uα and |uα of the code alone, computed by brute force over characters from the
definitions (Krippendorff, Mathet, Bouvry & Widlöcher 2016; Krippendorff 2019 §12.6), and where it applies
(|uα, uα, per-code |uα) also with the PyPI package krippendorff-unitized-alpha 0.1.0 on continua tiled here with
half-open segments (its own gap filling loses a position at every boundary). Both must agree to 1e-9.

Regenerate: pip install krippendorff-unitized-alpha==0.1.0 && python3 make-expected.py   (in this folder)
"""
import json
import random
from krippendorff_unitized_alpha.krippendorffs_unitized_alpha import EMPTY_TAG, KrippendorffUnitizedAlpha, Segment

CODES = ["A", "B", "C", "D"]
SEEDS = range(1, 6)


def make_case(seed, coders, overlapping):
    rng = random.Random(seed * 100 + coders * 10 + overlapping)
    names = ["asha", "ben", "chen", "dana"][:coders]
    units = []
    for u in range(rng.randint(1, 4)):
        length = rng.randint(10, 60)
        base = partition(rng, length, None)
        spans = {}
        for name in names:
            if rng.random() < 0.15:
                marks = []
            elif rng.random() < 0.25:
                marks = list(base)
            else:
                marks = [s for s in perturb(rng, base, length)]
            if overlapping and rng.random() < 0.5 and length > 3:
                start = rng.randrange(length - 1)
                marks.append({"code": rng.choice(CODES), "start": start, "end": rng.randint(start + 1, min(length, start + 12))})
            # same-code overlaps and touches, joined by the reader
            if marks and rng.random() < 0.3:
                m = rng.choice(marks)
                if m["end"] - m["start"] > 2:
                    cut = rng.randint(m["start"] + 1, m["end"] - 1)
                    marks.remove(m)
                    marks += [{"code": m["code"], "start": m["start"], "end": cut},
                              {"code": m["code"], "start": cut - rng.randint(0, 1), "end": m["end"]}]
            rng.shuffle(marks)
            spans[name] = marks
        units.append({"id": f"u{u + 1}", "length": length, "spans": spans})
    return {"units": units, "codes": CODES}


def partition(rng, length, _):
    """Disjoint spans with random codes, some touching."""
    spans, position = [], rng.randint(0, 5)
    while position < length - 1:
        end = min(length, position + rng.randint(1, 15))
        spans.append({"code": rng.choice(CODES[:3]), "start": position, "end": end})
        position = end + (0 if rng.random() < 0.3 else rng.randint(1, 8))
    return spans


def perturb(rng, base, length):
    result = []
    for span in base:
        r = rng.random()
        if r < 0.15:
            continue
        start = max(0, span["start"] + rng.randint(-2, 2))
        end = min(length, span["end"] + rng.randint(-2, 2))
        code = span["code"] if rng.random() < 0.8 else rng.choice(CODES)
        if start < end:
            result.append({"code": code, "start": start, "end": end})
    # keep the nominal assumption: drop spans overlapping an earlier kept one of another code
    kept = []
    for span in sorted(result, key=lambda s: (s["start"], s["end"])):
        if kept and span["start"] < kept[-1]["end"]:
            if span["code"] != kept[-1]["code"]:
                continue
        kept.append(span)
    return kept


def continuum(data):
    """Marks per coder on the continuum (units end to end): (code, start, end), a coder's same-code spans that
    overlap or touch joined, sorted by start, end, code; as SpanContinuum(data) builds them."""
    coders = list(dict.fromkeys(c for u in data["units"] for c in u["spans"]))
    marks = {c: [] for c in coders}
    offset, ids, starts = 0, [], []
    for unit in data["units"]:
        ids.append(unit["id"])
        starts.append(offset)
        for coder in coders:
            for index, code in enumerate(data["codes"]):
                joined = []
                for s in sorted((s for s in unit["spans"][coder] if s["code"] == code), key=lambda s: (s["start"], s["end"])):
                    if joined and s["start"] <= joined[-1][2]:
                        joined[-1][2] = max(joined[-1][2], s["end"])
                    else:
                        joined.append([index, s["start"], s["end"]])
                marks[coder] += [(c, a + offset, b + offset) for c, a, b in joined]
        offset += unit["length"]
    return coders, {c: sorted(m, key=lambda x: (x[1], x[2], x[0])) for c, m in marks.items()}, offset, ids, starts


def join_overlapping(marks, value_of):
    """Units of one value per coder: marks joined where they overlap (touching ones stay apart)."""
    units = []
    for code, a, b in marks:
        v = value_of(code)
        if v is None:
            continue
        if units and a < units[-1][2] and units[-1][0] == v:
            units[-1][2] = max(units[-1][2], b)
        else:
            units.append([v, a, b])
    return units


def first_conflict(coders, marks, ids, starts, codes):
    for coder in coders:
        block = None
        for code, a, b in marks[coder]:
            if block and a < block[1] and block[0] != code:
                unit = max(i for i, s in enumerate(starts) if s <= a)
                return f"{coder} has {codes[block[0]]} and {codes[code]} on the same text in {ids[unit]}"
            if block and a < block[1]:
                block[1] = max(block[1], b)
            else:
                block = [code, b]
    return None


def brute_force(units_by_coder, length, coding_only=False):
    """Eqs. 32-34 over characters: returns (coincidences o, expected e, values). units_by_coder: per coder a list of
    disjoint [value, start, end]; everything else is gap (None). With coding_only, cuα's matrix: codes only, a
    character of coder i weighted by the share of other coders with a unit there, so a unit weighs its mean overlap."""
    m = len(units_by_coder)
    value = [[None] * length for _ in range(m)]
    segment = [[None] * length for _ in range(m)]
    for i, units in enumerate(units_by_coder):
        for g, (v, a, b) in enumerate(units):
            for x in range(a, b):
                value[i][x], segment[i][x] = v, g
    weight = [[1.0] * length for _ in range(m)]
    if coding_only:
        for i in range(m):
            for x in range(length):
                others = sum(1 for j in range(m) if j != i and value[j][x] is not None)
                weight[i][x] = 0.0 if value[i][x] is None else others / (m - 1)
    o, e = {}, {}
    for x in range(length):
        for i in range(m):
            for j in range(m):
                if i != j and weight[i][x] and weight[j][x]:
                    key = (value[i][x], value[j][x])
                    o[key] = o.get(key, 0.0) + 1.0 / (m - 1)
    points = [(i, x) for i in range(m) for x in range(length) if weight[i][x]]
    total_pairs = 0.0
    for i, x in points:
        for j, y in points:
            same_segment = i == j and (segment[i][x] == segment[j][y] if value[i][x] is not None else x == y) \
                and value[i][x] == value[j][y]
            if same_segment:
                continue
            w = weight[i][x] * weight[j][y]
            key = (value[i][x], value[j][y])
            e[key] = e.get(key, 0.0) + w
            total_pairs += w
    n = sum(o.values())
    if total_pairs:
        e = {k: v * n / total_pairs for k, v in e.items()}
    values = {k[0] for k in o} | {k[0] for k in e}
    return o, e, values, n


def alpha(o, e, values, n):
    observed = n - sum(o.get((v, v), 0.0) for v in values)
    expected = n - sum(e.get((v, v), 0.0) for v in values)
    return None if n == 0 or abs(expected) < 1e-12 else 1 - observed / expected


def alpha_k(o, e, k, n):
    margin = sum(v for (a, _), v in o.items() if a == k)
    if margin == 0:
        return None
    expected = margin - e.get((k, k), 0.0)
    return None if abs(expected) < 1e-12 else 1 - (margin - o.get((k, k), 0.0)) / expected


def package_alpha(units_by_coder, length):
    """krippendorff-unitized-alpha on continua tiled here with half-open segments."""
    data = {}
    for i, units in enumerate(units_by_coder):
        segments, position = [], 0
        for v, a, b in units:
            if a > position:
                segments.append(Segment(EMPTY_TAG, position, a))
            segments.append(Segment(str(v), a, b))
            position = b
        if position < length:
            segments.append(Segment(EMPTY_TAG, position, length))
        data[f"coder{i}"] = segments
    try:
        result = KrippendorffUnitizedAlpha(data).result
    except (ZeroDivisionError, FloatingPointError):
        return None
    return None if result != result else float(result)


def agree(a, b, what):
    assert (a is None) == (b is None) and (a is None or abs(a - b) < 1e-9), f"{what}: {a} vs {b}"


def expected(data):
    coders, marks, length, ids, starts = continuum(data)
    codes = data["codes"]
    m = len(coders)
    binary_units = [join_overlapping(marks[c], lambda _: "unit") for c in coders]
    o, e, values, n = brute_force(binary_units, length)
    result = {"binary_u_alpha": alpha(o, e, values, n)}
    with_package = ["binary_u_alpha"]
    agree(result["binary_u_alpha"], package_alpha(binary_units, length), "|uα")
    per_code = []
    for k in range(len(codes)):
        units = [join_overlapping(marks[c], lambda code: k if code == k else None) for c in coders]
        value = alpha(*brute_force(units, length))
        agree(value, package_alpha(units, length) if any(units) else None, f"|uα of {codes[k]}")
        per_code.append({"code": codes[k], "binary_u_alpha_k": value})
    conflict = first_conflict(coders, marks, ids, starts, codes)
    if conflict:
        result.update(u_alpha=None, cu_alpha=None, nominal_undefined_reason=conflict)
        for figures in per_code:
            figures["u_alpha_k"] = None
    else:
        nominal_units = [join_overlapping(marks[c], lambda code: code) for c in coders]
        result["u_alpha"] = alpha(*brute_force(nominal_units, length))
        agree(result["u_alpha"], package_alpha(nominal_units, length), "uα")
        with_package.append("u_alpha")
        o, e, values, n = brute_force(nominal_units, length, coding_only=True)
        result["cu_alpha"] = alpha(o, e, values, n)
        for k, figures in enumerate(per_code):
            figures["u_alpha_k"] = alpha_k(o, e, k, n)
    result["per_code"] = per_code
    result["checked_with_package"] = with_package + ["binary_u_alpha_k"]
    result["coders"], result["length"] = m, length
    return result


def main():
    names = []
    for coders in (2, 3, 4):
        for overlapping in (False, True):
            for seed in SEEDS:
                name = f"random-{coders}coders-{'overlapping' if overlapping else 'nominal'}-{seed}"
                data = make_case(seed, coders, overlapping)
                with open(f"{name}.json", "w") as f:
                    json.dump(data, f, indent=1)
                with open(f"{name}.expected.json", "w") as f:
                    json.dump(expected(data), f, indent=1)
                names.append(name)
    with open("cases.json", "w") as f:
        json.dump(names, f, indent=1)
    print(len(names), "cases")


if __name__ == "__main__":
    main()
