#!/usr/bin/env python3
"""Writes the binary members of the adversarial corpus into files/ (the text members are checked in as they are).

Run from this directory: python3 make_corpus.py. Every file is small; cases.json says how each is used.
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


# ---------- ULog ----------
def ulog_record(kind, body):
    return struct.pack("<HB", len(body), ord(kind)) + body


def ulog(timestamps, values):
    """A ULog with one topic 'imu' (uint64 timestamp; float x) and one data record per (t, x)."""
    out = b"ULog\x01\x12\x35\x01" + struct.pack("<Q", 1_000_000)
    out += ulog_record("B", bytes(40))
    out += ulog_record("F", b"imu:uint64_t timestamp;float x;")
    out += ulog_record("A", bytes([0]) + struct.pack("<H", 1) + b"imu")
    for t, x in zip(timestamps, values):
        out += ulog_record("D", struct.pack("<H", 1) + struct.pack("<Q", t) + struct.pack("<f", x))
    return out


write("nan-float.ulg", ulog([2_000_000, 2_001_000, 2_002_000], [float("nan"), float("inf"), 1.0]))
write("inf-float.ulg", ulog([2_000_000, 2_001_000], [float("-inf"), 2.0]))
write("ts-max.ulg", ulog([2_000_000, 2**64 - 1, 2_002_000], [1.0, 2.0, 3.0]))
write("ts-huge.ulg", ulog([2_000_000, 2**63 // 1000 + 5], [1.0, 2.0]))
write("ts-backwards-huge.ulg", ulog([2**62, 2_000_000], [1.0, 2.0]))


# ---------- MCAP ----------
MAGIC = b"\x89MCAP0\r\n"


def rec(op, body):
    return bytes([op]) + struct.pack("<Q", len(body)) + body


def s(text):
    b = text.encode()
    return struct.pack("<I", len(b)) + b


def kv(d):
    body = b"".join(s(k) + s(v) for k, v in d.items())
    return struct.pack("<I", len(body)) + body


def header():
    return rec(0x01, s("") + s("adversarial"))


def schema(sid=1):
    return rec(0x03, struct.pack("<H", sid) + s("imu") + s("jsonschema") + struct.pack("<I", 2) + b"{}")


def channel(cid=1, sid=1, topic="/imu"):
    return rec(0x04, struct.pack("<HH", cid, sid) + s(topic) + s("json") + kv({}))


def message(cid, seq, t, data):
    return rec(0x05, struct.pack("<HIQQ", cid, seq, t, t) + data)


def footer():
    return rec(0x02, struct.pack("<QQI", 0, 0, 0))


def chunk(records, compression="", payload=None, uncompressed_size=None, crc=None, start=0, end=0):
    raw = b"".join(records)
    data = raw if payload is None else payload
    size = len(raw) if uncompressed_size is None else uncompressed_size
    c = zlib.crc32(raw) if crc is None else crc
    body = struct.pack("<QQQI", start, end, size, c) + s(compression) + struct.pack("<Q", len(data)) + data
    return rec(0x06, body)


def mcap(*records):
    return MAGIC + header() + b"".join(records) + footer() + MAGIC


good_messages = [message(1, i, 1_000_000_000 + i * 10_000_000, b'{"x": %d}' % i) for i in range(5)]
write("good.mcap", mcap(schema(), channel(), *good_messages))
write("crc-mismatch.mcap", mcap(chunk([schema(), channel(), *good_messages], crc=0xDEADBEEF, start=1_000_000_000, end=1_040_000_000)))
write("corrupt-zstd.mcap", mcap(chunk([schema(), channel(), *good_messages], compression="zstd", payload=b"\x28\xb5\x2f\xfd" + bytes(60), crc=0)))
write("chunk-length-lie.mcap", MAGIC + header() + rec(0x06, struct.pack("<QQQI", 0, 0, 10**12, 0) + s("") + struct.pack("<Q", 10**12) + b"abc") + footer() + MAGIC)
write("log-time-max.mcap", mcap(schema(), channel(), message(1, 0, 1_000, b'{"x": 1}'), message(1, 1, 2**63 - 1, b'{"x": 2}')))
write("log-time-ulong-max.mcap", mcap(schema(), channel(), message(1, 0, 1_000, b'{"x": 1}'), message(1, 1, 2**64 - 1, b'{"x": 2}')))
write("empty-channel.mcap", mcap(schema(), channel(), channel(2, 1, "/empty"), *good_messages))
full = open(os.path.join(OUT, "good.mcap"), "rb").read()
for n in (8, 100, 1000):
    write(f"cut-{n}.mcap", full[:n] if n < len(full) else full[: len(full) // 2])

# A truthful 1 GiB zstd chunk in a few tens of KiB: zeros compress about 30,000:1.
try:
    import zstandard  # noqa: F401 (optional: the checked-in file is used when the module is missing)

    zeros = zstandard.ZstdCompressor(level=19).compress(bytes(1 << 30))
    big = message(1, 0, 1_000, b'{"x": 1}')
    write("zstd-bomb.mcap", mcap(chunk([schema(), channel()], compression="zstd", payload=zeros, uncompressed_size=1 << 30, crc=0)))
except ImportError:
    pass

# ---------- safetensors ----------
def safetensors(header_bytes, data=b""):
    return struct.pack("<Q", len(header_bytes)) + header_bytes + data


write("invalid-utf8.safetensors", safetensors(b'{"a\xff\xfe": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}', bytes(4)))
write("huge-shape.safetensors", safetensors(b'{"w": {"dtype": "F32", "shape": [2147483648, 2147483648], "data_offsets": [0, 4]}}', bytes(4)))
write("nan.safetensors", safetensors(b'{"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}', struct.pack("<ff", 1.0, float("nan"))))

# ---------- YAML profiles and configs ----------
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
profile = open(os.path.join(ROOT, "rates", "default.yaml")).read()
os.makedirs(os.path.join(OUT, "configs"), exist_ok=True)


def text(name, body):
    with open(os.path.join(OUT, name), "w") as f:
        f.write(body)


def profile_with(old, new):
    assert old in profile, old
    return profile.replace(old, new)


text("deep-flow.yaml", "name: " + "{a: " * 25000 + "1" + "}" * 25000 + "\n")
text("deep-seq.yaml", "name: " + "[" * 100000 + "]" * 100000 + "\n")
text("deep-block.yaml", "".join(" " * i + "k:\n" for i in range(300)))
text("safe-1e39.yaml", profile_with("safe: [0, 0, 0]", "safe: [1e39, 0, 0]").replace("min: [-1, -1, -1]", "min: [-1e39, -1, -1]").replace("max: [1, 1, 1]", "max: [1e39, 1, 1]"))
text("rate-inf.yaml", profile_with("max_rate_per_s: [50, 50, 50]", "max_rate_per_s: [5e38, 50, 50]"))
text("safe-outside.yaml", profile_with("safe: [0, 0, 0]", "safe: [2, 0, 0]"))
text("history-max.yaml", profile_with("history: 16", "history: 2147483647"))
text("base-tick-10mhz.yaml", profile_with("base_tick_hz: 1000", "base_tick_hz: 10000000"))
config = open(os.path.join(ROOT, "configs", "default.yaml")).read()
import re

text("configs/huge-model.yaml", re.sub(r"d_model: *\d+", "d_model: 65536", re.sub(r"feed_forward: *\d+", "feed_forward: 262144", config)))
text("configs/deep.yaml", "name: " + "[" * 5000 + "]" * 5000 + "\n")
text("empty.yaml", "")

# ---------- logging configs ----------
text("logging-unknown-sink.json", '{ "Serilog": { "WriteTo": [ { "Name": "Async", "Args": { "configure": [ { "Name": "Consolee" } ] } } ] } }\n')
text("logging-bad-path.json", '{ "Serilog": { "WriteTo": [ { "Name": "File", "Args": { "path": "tests/adversarial/files/good.mcap/multirate-.json" } } ] } }\n')

# ---------- CSV ----------
text("csv-ts-max.csv", "time_ns,x\n0,1\n18446744073709551615,2\n")
text("csv-ts-exp.csv", "time,x\n0,1\n1e400,2\n")
text("csv-late-beyond-window.csv", "time,x\n" + "".join(f"{i},{i}\n" for i in range(1, 300)) + "0,0\n")
text("csv-no-time.csv", "a,b\n1,2\n")

# ---------- YAML aliases that nest without brackets ----------
text("alias-chain.yaml", "name: t\na0: &a0 {x: 1}\n" + "".join(f"a{i}: &a{i} {{*a{i - 1} : 1}}\n" for i in range(1, 100)))
text("alias-cycle.yaml", "name: &a {b: *a}\n")
