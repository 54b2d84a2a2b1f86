#!/usr/bin/env python3
"""Writes python.safetensors, the cross-check fixture of SafetensorsTests.readsAFileWrittenByPython.

Run (in a virtual environment outside the project tree):
    python3 -m venv /tmp/st && /tmp/st/bin/pip install safetensors numpy
    /tmp/st/bin/python make_fixture.py
"""
import numpy as np
from safetensors.numpy import save_file

save_file(
    {
        "embedding.weight": np.array([[0, 0], [1, 2], [3, 4]], dtype=np.float32),
        "classifier.output.bias": np.array([0.5, -0.25], dtype=np.float32),
    },
    "python.safetensors",
    metadata={"format": "pt"},
)
