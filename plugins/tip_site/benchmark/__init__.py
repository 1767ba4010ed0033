"""The benchmark: synthetic content at scale, timed builds, page weight.

Run it with `./scripts/benchmark` (see `--help`). Nothing here is imported by a
build: it only drives builds from the outside and reads what they wrote.
"""
