// Reads each MCAP file given with @mcap/core's McapStreamReader (every record parsed, chunks
// decompressed and CRC-checked, messages counted, payloads not decoded): the same work as the
// "scan" column of `multirate bench logs`. One warm-up round, then N interleaved rounds; medians.
//
// usage: node bench.mjs ROUNDS FILE...
import { readFileSync } from "node:fs";
import { McapStreamReader } from "@mcap/core";
import zstd from "@foxglove/wasm-zstd";
import lz4 from "@foxglove/wasm-lz4";

await zstd.isLoaded;
await lz4.isLoaded;
const decompressHandlers = {
  zstd: (data, size) => zstd.decompress(data, Number(size)),
  lz4: (data, size) => lz4(data, Number(size)),
};

function scan(path) {
  const reader = new McapStreamReader({ decompressHandlers, validateCrcs: true });
  reader.append(readFileSync(path));
  let messages = 0;
  for (let record; (record = reader.nextRecord()); ) {
    if (record.type === "Message") messages++;
  }
  if (!reader.done()) throw new Error(`${path}: the reader did not reach the end`);
  return messages;
}

const [rounds, ...files] = [Number(process.argv[2]), ...process.argv.slice(3)];
const times = files.map(() => []);
const counts = [];
for (let round = -1; round < rounds; round++) {
  files.forEach((file, i) => {
    const t0 = process.hrtime.bigint();
    counts[i] = scan(file);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (round >= 0) times[i].push(seconds);
  });
}
const median = (v) => { const s = [...v].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const size = (f) => readFileSync(f).length;
console.log(JSON.stringify(files.map((file, i) => ({
  file, bytes: size(file), messages: counts[i],
  mb_per_s_p50: +(size(file) / 1e6 / median(times[i])).toFixed(1),
  msgs_per_s_p50: Math.round(counts[i] / median(times[i])),
  runs: rounds,
}))));
