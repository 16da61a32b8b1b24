"""Benchmarks: the figures the issues name, measured side by side (`make bench`)."""
