#!/usr/bin/env python3
"""bert_fine_tuning_step_reference.py: two fine-tuning steps of the tiny BertForSequenceClassification (issue 19).

Loads the classifier of bert_classifier_reference.py (Tests/CoreTests/Fixtures/bert-classifier) with dropout off
(model.eval(): the Swift test sets every dropout rate to 0) and takes two AdamW steps as Hugging Face's Trainer
sets it up: two parameter groups (weight decay 0.01, except every bias and LayerNorm weight), global-norm
clipping to 1.0 (torch.nn.utils.clip_grad_norm_), the new head (pooler and classifier) at a larger rate than the
encoder. The rates are large (1e-2, 5e-2) so that one step moves every tensor by far more than float32 noise.
The second step runs at half the rate, as a schedule would, on a second batch, so Adam's moments carry over.

Writes fine-tuning-step.json: the batches, targets and rates; per step the mean cross-entropy and the gradient
norm before clipping; every parameter's gradient at step 1 and every parameter after step 2 (Hugging Face
names). The Swift test (BertFineTuningStepTests) must give the same to float32 precision.

Run once, at development time:
    /tmp/torch-ref/bin/python Tests/scripts/bert_fine_tuning_step_reference.py Tests/CoreTests/Fixtures/bert-classifier
"""
import json
import sys

import torch
from transformers import BertForSequenceClassification

folder = sys.argv[1]
model = BertForSequenceClassification.from_pretrained(folder)
model.eval()  # no dropout; gradients still flow

encoder_rate, head_rate, weight_decay, max_norm = 1e-2, 5e-2, 0.01, 1.0
rate_factors = [1.0, 0.5]
batches = [
    {"ids": [[2, 7, 11, 5, 3, 0, 0], [2, 13, 4, 21, 9, 17, 3]], "lengths": [5, 7], "targets": [2, 0]},
    {"ids": [[2, 8, 3, 0], [2, 19, 6, 3], [2, 25, 14, 3]], "lengths": [3, 4, 4], "targets": [1, 2, 1]},
]


def exempt(name):
    return name.endswith(".bias") or "LayerNorm.weight" in name


def is_head(name):
    return name.startswith("classifier.") or name.startswith("bert.pooler.")


named = list(model.named_parameters())
groups = []
for head in (False, True):
    for decays in (True, False):
        params = [p for n, p in named if is_head(n) == head and exempt(n) != decays]
        groups.append({"params": params, "lr": head_rate if head else encoder_rate,
                       "weight_decay": weight_decay if decays else 0.0, "base": head_rate if head else encoder_rate})
optimiser = torch.optim.AdamW(groups, betas=(0.9, 0.999), eps=1e-8)

steps = []
first_gradients = None
for batch, factor in zip(batches, rate_factors):
    for group in optimiser.param_groups:
        group["lr"] = group["base"] * factor
    ids = torch.tensor(batch["ids"])
    mask = torch.tensor([[1 if t < n else 0 for t in range(ids.shape[1])] for n in batch["lengths"]])
    optimiser.zero_grad()
    logits = model(input_ids=ids, attention_mask=mask).logits
    loss = torch.nn.functional.cross_entropy(logits, torch.tensor(batch["targets"]))
    loss.backward()
    norm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
    if first_gradients is None:
        # clip_grad_norm_ scaled them in place: undo it to record the raw gradient.
        scale = min(1.0, max_norm / (float(norm) + 1e-6))
        first_gradients = {n: [round(float(v) / scale, 9) for v in p.grad.flatten().tolist()] for n, p in named}
    optimiser.step()
    steps.append({"loss": float(loss), "gradient_norm": float(norm), "rate_factor": factor,
                  "logits": [[float(v) for v in row] for row in logits.tolist()]})

reference = {
    "encoder_learning_rate": encoder_rate, "head_learning_rate": head_rate, "weight_decay": weight_decay,
    "clip_norm": max_norm, "batches": batches, "steps": steps,
    "gradients_step_1": first_gradients,
    "parameters_after": {n: [float(v) for v in p.detach().flatten().tolist()] for n, p in named},
    "transformers": __import__("transformers").__version__, "torch": torch.__version__,
}
with open(f"{folder}/fine-tuning-step.json", "w") as f:
    json.dump(reference, f)
print(json.dumps(steps))
