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

# One runtime identifier: a portable publish carries every platform's natives (Windows and macOS
# libtorch alone are over 400 MB). The GPU machine is linux-x64.
dotnet publish "$repo/src/MultiRate.Cli" -c Release -r linux-x64 --self-contained false -o "$stage/app" -p:UseAppHost=false >/dev/null
# libtorch itself (hundreds of MB) stays behind, as do the other natives the check never loads (Skia
# for report plots, sqlite for ROS 2 bags); TorchSharp's own glue, libLibTorchSharp, is kept.
find "$stage/app" \( -name '*.so' -o -name '*.so.*' -o -name '*.dll' -o -name '*.dylib' \) -path '*native*' ! -name 'libLibTorchSharp.so' -delete
find "$stage/app" -maxdepth 1 \( -name '*.so' -o -name '*.so.*' \) ! -name 'libLibTorchSharp.so' -delete
rm -rf "$stage/app/runtimes"/{win,osx}*
find "$stage/app" -name '*.pdb' -delete
tar -C "$stage" -cJf "$out/app.tar.xz" app

dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
runtime="$(ls "$dotnet_root/shared/Microsoft.NETCore.App" | sort -V | tail -1)"
aspnet="$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | sort -V | tail -1)"
fxr="$(ls "$dotnet_root/host/fxr" | sort -V | tail -1)"
# ASP.NET Core too: the CLI hosts the remote context server (gRPC), so the host refuses to start without it.
tar -C "$dotnet_root" -cJf "$out/dotnet-runtime.tar.xz" dotnet "host/fxr/$fxr" "shared/Microsoft.NETCore.App/$runtime" "shared/Microsoft.AspNetCore.App/$aspnet"

cp "$here/run.sh" "$out/run.sh"
du -ch "$out"/* | tail -1
total=$(du -cb "$out"/* | tail -1 | cut -f1)
if [ "$total" -gt $((64 * 1024 * 1024)) ]; then
  echo "pack: $total bytes, over the 64 MiB that can be sent" >&2
  exit 1
fi
