#!/usr/bin/env python3
"""Runs `praxis solve` on a problem file under /usr/bin/time -v and times its progress lines from the
process's start (so reading the file and compiling the model count), for scripts/bench-planner --term.

    scripts/bench-term-solve.py PRAXIS PROBLEM.json SECONDS SEED [SEARCHES [SOLVER OPTION…]]

Prints the time of the first progress line (construction done: the first complete placement when it
says 0 medium), of the first line with 0 hard and 0 medium (all placed, feasible), the best score at
the end, and the peak resident memory.
"""
import re
import subprocess
import sys
import tempfile
import time


def main():
    praxis, problem, seconds, seed = sys.argv[1:5]
    searches = sys.argv[5] if len(sys.argv) > 5 else "1"
    options = sys.argv[6:]
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.monotonic()
        process = subprocess.Popen(
            ["/usr/bin/time", "-v", "-o", report.name, praxis, "solve", problem, "--time-limit", seconds,
             "--seed", seed, "--searches", searches, *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines = [(time.monotonic() - start, line.rstrip()) for line in process.stderr]
        summary = process.stdout.read()
        status = process.wait()
        end = time.monotonic() - start
        usage = report.read()
        peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", usage)
        cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", usage))
    progress = [(at, line) for at, line in lines if " best " in line]
    if status != 0 or not progress:
        sys.exit(f"bench-term-solve: praxis solve failed ({status}): {lines[-5:]}")
    first_at, first = progress[0]
    placed = next(((at, line) for at, line in progress if "0hard/0medium/" in line), None)
    print(f"first report        {first_at:6.2f} s  best {first.split('best ')[1].split()[0]}")
    print(f"all placed, hard 0  " + (f"{placed[0]:6.2f} s" if placed else "never"))
    best = progress[-1][1].split("best ")[1].split()[0]
    print(f"at the end          {end:6.2f} s  best {best}; {summary.splitlines()[0] if summary else ''}")
    print(f"CPU time            {cpu:6.2f} s (user and system; the wall times above include waiting for a core)")
    print(f"peak memory         {int(peak.group(1)) / 1024:6.1f} MB" if peak else "peak memory ?")


main()
