#!/usr/bin/env python3
"""Replay a Xuewei seat-allocation draw (docs/lottery.md) with the Python standard library only.

    python3 scripts/replay_lottery.py instance.json                  # prints resultSha256
    python3 scripts/replay_lottery.py instance.json --seed HEX       # when the instance has no seed
    python3 scripts/replay_lottery.py instance.json --out mine.json  # writes the full result file
    python3 scripts/replay_lottery.py instance.json --check result.json
                                         # exit 0 if result.json is byte-for-byte what this script computes

Written from the public contract, independently of the Java engine: lottery keys are SHA-256
digests compared as bytes, points are exact decimals, and deferred acceptance / immediate
acceptance follow §2 of the contract, bound groups (twins) included.
"""
import argparse
import bisect
import hashlib
import json
import sys
from decimal import Decimal


def load(path):
    raw = open(path, "rb").read()
    inst = json.loads(raw.decode("utf-8"), parse_float=Decimal)
    if inst.get("format") != "xuewei-allocation/1":
        sys.exit("not a xuewei-allocation/1 instance")
    return raw, inst


def keys_for(inst, seed):
    """§3: key(student) or key(student, school) as 32 raw bytes (Python compares bytes unsigned)."""
    multiple = inst["tieBreak"] == "multiple"

    def key(student, school):
        if multiple:
            return hashlib.sha256(seed + school.encode() + b"\x1f" + student.encode()).digest()
        return hashlib.sha256(seed + student.encode()).digest()
    return key


def units_of(inst):
    """A unit is a bound group or one student alone; it applies with the first member's list."""
    by_id = {s["id"]: s for s in inst["students"]}
    grouped, units = set(), []
    for g in inst.get("groups", []):
        units.append([by_id[i] for i in g])
        grouped.update(g)
    units += [[s] for s in inst["students"] if s["id"] not in grouped]
    return units


def allocate(inst, seed):
    key = keys_for(inst, seed)
    capacity = {s["id"]: s["capacity"] for s in inst["schools"]}
    units = units_of(inst)
    size = [len(u) for u in units]
    choices = [u[0]["choices"] for u in units]

    def priority(u, c):
        """§2: tier ascending, points descending, then the group's smallest key at that school."""
        ch = choices[u][c]
        points = Decimal(ch.get("points", 0))
        return (ch["tier"], -points, min(key(m["id"], ch["school"]) for m in units[u]), u)

    placed = {}  # unit -> choice position (0-based)
    if inst["mechanism"] == "deferred-acceptance":
        held = {s: [] for s in capacity}   # school -> sorted list of priorities held
        used = {s: 0 for s in capacity}
        nxt = [0] * len(units)
        free = list(range(len(units) - 1, -1, -1))
        while free:
            u = free.pop()
            while nxt[u] < len(choices[u]):
                s = choices[u][nxt[u]]["school"]
                p = priority(u, nxt[u])
                lst = held[s]
                if used[s] >= capacity[s] and (not lst or p > lst[-1]):
                    nxt[u] += 1
                    continue
                bisect.insort(lst, p)
                used[s] += size[u]
                rejected_self = False
                # take units in ranking order while a seat is free: drop from the end while the
                # worst held unit would find no free seat
                while lst and used[s] - size[lst[-1][3]] >= capacity[s]:
                    w = lst.pop()[3]
                    used[s] -= size[w]
                    if w == u:
                        rejected_self = True
                        break
                    nxt[w] += 1
                    free.append(w)
                if not rejected_self:
                    break
                nxt[u] += 1
        for s, lst in held.items():
            for p in lst:
                placed[p[3]] = nxt[p[3]]
    elif inst["mechanism"] == "immediate-acceptance":
        left = dict(capacity)
        r = 0
        while True:
            applicants = {}
            for u in range(len(units)):
                if u not in placed and r < len(choices[u]):
                    applicants.setdefault(choices[u][r]["school"], []).append(priority(u, r))
            if not applicants:
                break
            for s, ps in applicants.items():
                for p in sorted(ps):
                    if left[s] > 0:
                        placed[p[3]] = r
                        left[s] -= size[p[3]]
            r += 1
    else:
        sys.exit("unknown mechanism " + inst["mechanism"])

    school_of = {}
    for u, c in placed.items():
        for m in units[u]:
            school_of[m["id"]] = (choices[u][c]["school"], c + 1)
    return school_of


def result_text(inst, raw, seed_hex, school_of):
    """§5 in the canonical layout of docs/lottery.md."""
    students = sorted((s["id"] for s in inst["students"]), key=lambda i: i.encode())
    lines, rows = [], []
    for sid in students:
        school, choice = school_of.get(sid, (None, None))
        lines.append(sid + "," + (school or "") + "\n")
        if school is None:
            rows.append('{"student":"%s","school":null,"choice":null}' % sid)
        else:
            rows.append('{"student":"%s","school":"%s","choice":%d}' % (sid, school, choice))
    digest = hashlib.sha256("".join(lines).encode()).hexdigest()
    head = ('{"format":"xuewei-allocation-result/1","inputSha256":"%s","seed":"%s","assignments":[\n'
            % (hashlib.sha256(raw).hexdigest(), seed_hex))
    body = "".join(row + (",\n" if k < len(rows) - 1 else "\n") for k, row in enumerate(rows))
    return head + body + '],"resultSha256":"%s"}\n' % digest, digest


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("instance")
    ap.add_argument("--seed", help="64 hex digits, when the instance has none")
    ap.add_argument("--out", help="write the full result file here")
    ap.add_argument("--check", help="compare with a published result file, byte for byte")
    a = ap.parse_args()
    raw, inst = load(a.instance)
    seed_hex = inst.get("seed") or a.seed
    if not seed_hex:
        sys.exit("the instance has no seed: give --seed")
    text, digest = result_text(inst, raw, seed_hex, allocate(inst, bytes.fromhex(seed_hex)))
    if a.out:
        open(a.out, "w", encoding="utf-8", newline="").write(text)
    print("resultSha256", digest)
    if a.check:
        same = open(a.check, "rb").read() == text.encode()
        print("IDENTICAL" if same else "DIFFERENT", a.check)
        sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
