// The benchmark program: see BENCHMARKS.md.
print("draftflow-bench: not written yet")
