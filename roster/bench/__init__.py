"""Benchmarks: each measures one of PRODUCT.md's numbers and prints a JSON line."""
