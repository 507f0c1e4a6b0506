#!/usr/bin/env bash
# Runs on a GPU machine without .NET (NVIDIA driver, PyTorch installed), next to what pack.sh made:
# unpacks the .NET runtime and the CLI, then runs the GPU equivalence check and the model benches
# with the head on CUDA, and writes everything to results/ (results/summary.txt first).
# Under 5 minutes: each step has its own time limit.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
results="${1:-$here/results}"
mkdir -p "$results"
work="$(mktemp -d)"
summary="$results/summary.txt"
: > "$summary"
note() { echo "$*" | tee -a "$summary"; }

note "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
note "gpu: $(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | head -1)"

tar -C "$work" -xJf "$here/dotnet-runtime.tar.xz"
tar -C "$work" -xJf "$here/app.tar.xz"
export DOTNET_ROOT="$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet="$work/dotnet"

# TorchSharp's native glue against the machine's own PyTorch libtorch (TorchSharp 0.107 was built for
# another libtorch version: whether it loads is one of the things this run records).
torch_lib="$(python3 -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))' 2>/dev/null)"
note "pytorch: $(python3 -c 'import torch; print(torch.__version__, "cuda", torch.version.cuda)' 2>&1 | tail -1) lib=$torch_lib"
export LD_LIBRARY_PATH="$work/app/runtimes/linux-x64/native:$work/app:${torch_lib}:${LD_LIBRARY_PATH:-}"

step() {
  local name="$1" limit="$2"; shift 2
  local t0=$SECONDS
  timeout "$limit" "$dotnet" "$work/app/multirate.dll" "$@" > "$results/$name.json" 2> "$results/$name.err"
  local rc=$?
  note "$name: exit $rc in $((SECONDS - t0)) s ($*)"
  [ -s "$results/$name.err" ] && sed 's/^/  /' "$results/$name.err" | head -5 | tee -a "$summary"
  return 0
}

step gpu-check 150 bench gpu --device cuda --json
# bench gpu compares with the TorchSharp CPU head when TorchSharp's native layer loads against this
# machine's libtorch, else with the same kernels on ILGPU's CPU accelerator: its "reference" says which.
python3 - "$results/gpu-check.json" <<'PY' | tee -a "$summary"
import json, sys
try:
    r = json.load(open(sys.argv[1]))
except Exception as e:
    print(f"gpu-check: no JSON ({e})"); sys.exit(0)
loads = "loads" if r["reference"] == "torch-cpu" else "does not load (reference: ilgpu-cpu)"
print(f"torchsharp-on-system-libtorch: {loads}")
print(f"device: {r['device']}; passed: {r['passed']}")
for v in r["variants"]:
    print(f"  {v['variant']}: max error {v['max_error']:.2e}, {v['allocated_bytes_per_tick']} B/tick, p50 {v['head_p50_us']} us")
for w in r["head_by_width"]:
    print(f"  width {w['width']}: p50 {w['p50_us']} us, p99 {w['p99_us']} us")
for c in r.get("context_variants", []):
    print(f"  context {c['variant']}: max error {c['max_error']:.2e}, passed {c['passed']}, update p50 {c['update_p50_us']} us")
i = r.get("interference")
if i:
    print(f"  interference (seeded, no TorchSharp): head p99 {i['head_p99_alone_us']} us alone, {i['head_p99_with_context_us']} us with the context "
          f"at {i['context_rate_hz']} Hz on {i['context_device']} ({i['context_updates']} updates), ratio {i['ratio']}")
PY
step bench-models 130 bench models --quick --device cuda --json
# The interference half runs the context on the same GPU as the head (one shared accelerator, the
# head's stream at the highest priority, the context's at the lowest): context_device says where.
python3 - "$results/bench-models.json" <<'PY' | tee -a "$summary"
import json, sys
try:
    i = json.load(open(sys.argv[1]))["interference"]
except Exception as e:
    print(f"bench-models: no interference ({e})"); sys.exit(0)
print(f"interference: head p99 {i['head_p99_alone_us']} us alone, {i['head_p99_with_context_us']} us with the context "
      f"at {i['context_rate_hz']} Hz on {i.get('context_device', '?')} ({i['context_updates']} updates), ratio {i['ratio']}")
PY
rm -rf "$work"
note "results in $results"
