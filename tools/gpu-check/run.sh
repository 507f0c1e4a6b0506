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
if grep -q "TorchSharp's native library" "$results/gpu-check.err" 2>/dev/null; then
  note "torchsharp-on-system-libtorch: does not load (see gpu-check.err)"
else
  note "torchsharp-on-system-libtorch: loads"
fi
step bench-models 130 bench models --quick --device cuda --json
rm -rf "$work"
note "results in $results"
