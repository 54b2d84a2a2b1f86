#!/usr/bin/env python3
"""bert_classifier_export_check.py: transformers reads the classifier Swift exported (issue 19).

BertSequenceClassifierTests.transformersReadsTheExportedFolderAsTheSameClassifier writes the tiny seeded classifier
as a Hugging Face folder (model.safetensors + config.json) when ATLAS_WRITE_EXPORT names a folder. This script loads
that folder with AutoModelForSequenceClassification.from_pretrained exactly as a Python user would, checks the
architecture and label names, and writes the logits of six sentences to transformers-logits.json; the Swift test then
requires its own logits to match and its export to equal the committed files byte for byte.

Run at development time:
    mkdir -p Tests/CoreTests/Fixtures/bert-classifier-export
    ATLAS_WRITE_EXPORT=$PWD/Tests/CoreTests/Fixtures/bert-classifier-export swift test --filter transformersReads
    /tmp/torch-ref/bin/python Tests/scripts/bert_classifier_export_check.py Tests/CoreTests/Fixtures/bert-classifier-export
"""
import json
import sys

import torch
from transformers import AutoModelForSequenceClassification

folder = sys.argv[1]
model, info = AutoModelForSequenceClassification.from_pretrained(folder, output_loading_info=True)
assert not any(info.values()), info  # no missing, unexpected or mismatched tensor
model.eval()
assert type(model).__name__ == "BertForSequenceClassification", type(model).__name__
labels = [model.config.id2label[i] for i in range(model.config.num_labels)]
ids = [[1, 5, 6, 2], [1, 7, 5, 9, 2], [1, 10, 11, 2], [1, 12, 10, 13, 14, 2], [1, 15, 16, 2], [1, 17, 15, 2]]
width = max(map(len, ids))
input_ids = torch.tensor([row + [0] * (width - len(row)) for row in ids])
mask = torch.tensor([[1] * len(row) + [0] * (width - len(row)) for row in ids])
with torch.no_grad():
    logits = model(input_ids=input_ids, attention_mask=mask).logits
reference = {"ids": ids, "labels": labels, "logits": [[round(float(v), 7) for v in row] for row in logits.tolist()],
             "transformers": __import__("transformers").__version__, "torch": torch.__version__}
with open(f"{folder}/transformers-logits.json", "w") as f:
    json.dump(reference, f, indent=1)
print(json.dumps(reference["logits"]))
