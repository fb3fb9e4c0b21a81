"""Performance figures as ratios against a floor measured in the same run.

Each `bench_*.py` module defines `run() -> list[Figure]`. `python -m benchmarks` (what
`make bench` runs) imports them all, prints a table and writes benchmarks/results.json.
Names and budgets follow ../shared/design/performance.md.
"""
