// atlas-bench: prints a table of throughput figures. Filled in as the model and tracing land.
import Core
print("atlas-bench: nothing to measure yet")
