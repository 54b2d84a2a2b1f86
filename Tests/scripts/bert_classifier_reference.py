#!/usr/bin/env python3
"""bert_classifier_reference.py: a tiny Hugging Face BertForSequenceClassification as a fixture (issue 19).

Builds a randomly initialised classifier (2 layers, hidden 8, 2 heads, feed-forward 16, 3 labels with names),
saves it as Hugging Face writes one (config.json with id2label, model.safetensors with bert.* encoder tensors,
bert.pooler.dense.* and classifier.*), and writes two padded sequences with their attention mask, the logits
transformers computes for them and the gradient of one logit with respect to the pooled [CLS] state's input
(the last hidden state at [CLS]), in float64 after a float32 forward. The Swift test loads the folder and must
give the same logits.

Run once, at development time (the Swift test compares against the committed files):
    python3 -m venv /tmp/torch-ref && /tmp/torch-ref/bin/pip install torch transformers safetensors
    /tmp/torch-ref/bin/python Tests/scripts/bert_classifier_reference.py Tests/CoreTests/Fixtures/bert-classifier
"""
import json
import sys

import torch
from transformers import BertConfig, BertForSequenceClassification

folder = sys.argv[1]
torch.manual_seed(19)
config = BertConfig(vocab_size=30, hidden_size=8, num_hidden_layers=2, num_attention_heads=2, intermediate_size=16,
                    max_position_embeddings=16, type_vocab_size=2, hidden_act="gelu", num_labels=3,
                    id2label={0: "negative", 1: "neutral", 2: "positive"},
                    label2id={"negative": 0, "neutral": 1, "positive": 2})
model = BertForSequenceClassification(config)
# Random weights, not the zero biases and unit norms of a fresh model, so that every tensor matters.
with torch.no_grad():
    for parameter in model.parameters():
        parameter.copy_(torch.randn_like(parameter) * 0.25)
model.eval()
model.save_pretrained(folder, safe_serialization=True)

ids = [[2, 7, 11, 5, 3, 0, 0], [2, 13, 4, 21, 9, 17, 3]]
lengths = [5, 7]
mask = [[1 if t < n else 0 for t in range(len(ids[0]))] for n in lengths]
input_ids = torch.tensor(ids)
attention_mask = torch.tensor(mask)
out = model.bert(input_ids=input_ids, attention_mask=attention_mask)
cls = out.last_hidden_state[:, 0, :].detach().clone().requires_grad_(True)
logits = model.classifier(model.bert.pooler.activation(model.bert.pooler.dense(cls)))
full = model(input_ids=input_ids, attention_mask=attention_mask).logits
assert torch.allclose(full, logits, atol=1e-6)
# ∂ logit[b, 2] / ∂ h_CLS[b], summed over the batch (each row depends on its own sequence only).
logits[:, 2].sum().backward()
reference = {
    "ids": ids, "lengths": lengths,
    "logits": [[round(float(v), 6) for v in row] for row in full.tolist()],
    "cls_hidden": [[round(float(v), 6) for v in row] for row in cls.tolist()],
    "d_logit2_d_cls": [[round(float(v), 6) for v in row] for row in cls.grad.tolist()],
    "labels": [config.id2label[i] for i in range(config.num_labels)],
    "transformers": __import__("transformers").__version__, "torch": torch.__version__,
}
with open(f"{folder}/reference.json", "w") as f:
    json.dump(reference, f, indent=1)
print(json.dumps(reference["logits"]))
