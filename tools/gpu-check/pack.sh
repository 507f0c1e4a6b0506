#!/usr/bin/env bash
# Builds what tools/gpu-check/run.sh needs on a GPU machine that has no .NET: a framework-dependent
# publish of the CLI (without libtorch: run.sh uses the machine's PyTorch libtorch) and a tarball
# of this machine's .NET runtime. Everything lands in tools/gpu-check/out/ (under 64 MiB in all).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$here/out"
rm -rf "$out" && mkdir -p "$out"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

dotnet publish "$repo/src/MultiRate.Cli" -c Release --self-contained false -o "$stage/app" -p:UseAppHost=false >/dev/null
# libtorch itself (hundreds of MB) stays behind; TorchSharp's own glue, libLibTorchSharp, is kept.
find "$stage/app" -name '*.so*' ! -name 'libLibTorchSharp.so' -delete
find "$stage/app" -name '*.pdb' -delete
tar -C "$stage" -cJf "$out/app.tar.xz" app

dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
runtime="$(ls "$dotnet_root/shared/Microsoft.NETCore.App" | sort -V | tail -1)"
fxr="$(ls "$dotnet_root/host/fxr" | sort -V | tail -1)"
tar -C "$dotnet_root" -cJf "$out/dotnet-runtime.tar.xz" dotnet "host/fxr/$fxr" "shared/Microsoft.NETCore.App/$runtime"

cp "$here/run.sh" "$out/run.sh"
du -ch "$out"/* | tail -1
total=$(du -cb "$out"/* | tail -1 | cut -f1)
if [ "$total" -gt $((64 * 1024 * 1024)) ]; then
  echo "pack: $total bytes, over the 64 MiB that can be sent" >&2
  exit 1
fi
