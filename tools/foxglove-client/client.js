#!/usr/bin/env node
// Drives a MultiRate live server (multirate run --live) with the Foxglove WebSocket protocol's own
// client library, and prints what it saw as one JSON object on stdout.
//
//   node client.js ws://127.0.0.1:8765 watch [setName setValue refusedName refusedValue]
//     subscribes to every channel, reads the parameters once ticks arrive, sets one, tries a refused
//     edit, and counts messages per topic until the server closes the connection.
//   node client.js ws://127.0.0.1:8765 stall
//     subscribes to every channel, then stops reading its socket after the first message until a
//     line arrives on stdin; then reads again and reports the server's drop warnings.
"use strict";
const { FoxgloveClient } = require("@foxglove/ws-protocol");
const WebSocket = require("ws");

const [url, mode, setName, setValue, refusedName, refusedValue] = process.argv.slice(2);
if (!url || !["watch", "stall"].includes(mode)) {
  process.stderr.write("usage: node client.js URL watch|stall [setName setValue refusedName refusedValue]\n");
  process.exit(2);
}

const ws = new WebSocket(url, [FoxgloveClient.SUPPORTED_SUBPROTOCOL]);
const client = new FoxgloveClient({ ws });
const decoder = new TextDecoder();
const result = { mode, protocol: null, serverInfo: null, channels: [], counts: {}, samples: {}, statuses: [], parameterValues: [], summary: null };
const topicOf = new Map();
let fastTicks = null;
let editsSent = false;
let stalled = false;
let done = false;

function finish(code) {
  if (done) return;
  done = true;
  process.stdout.write(JSON.stringify(result) + "\n");
  client.close();
  process.exit(code);
}

client.on("open", () => { result.protocol = ws.protocol; });
client.on("error", (e) => { result.error = String(e && e.message ? e.message : e); });
client.on("close", () => finish(0));
client.on("serverInfo", (info) => { result.serverInfo = info; });
client.on("status", (s) => result.statuses.push(s));
client.on("parameterValues", (p) => result.parameterValues.push(p));
client.on("advertise", (channels) => {
  for (const c of channels) {
    result.channels.push({ id: c.id, topic: c.topic, encoding: c.encoding, schemaName: c.schemaName, schemaEncoding: c.schemaEncoding, schemaIsJson: isJson(c.schema) });
    const sub = client.subscribe(c.id);
    topicOf.set(sub, c.topic);
    if (c.schemaName === "multirate.FastTick") fastTicks = c.topic;
  }
  if (mode === "watch") client.subscribeParameterUpdates(setName ? [setName] : []);
});
client.on("message", ({ subscriptionId, timestamp, data }) => {
  const topic = topicOf.get(subscriptionId) ?? `unknown:${subscriptionId}`;
  result.counts[topic] = (result.counts[topic] ?? 0) + 1;
  const text = decoder.decode(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  if (!(topic in result.samples)) result.samples[topic] = { timestamp: String(timestamp), message: JSON.parse(text) };
  if (topic === "/multirate/summary") {
    result.summary = JSON.parse(text);
  }
  if (mode === "watch" && !editsSent && topic === fastTicks && result.counts[topic] >= 50) {
    // Ticks are flowing, so the clocks have started and budgets can change.
    editsSent = true;
    client.getParameters([], "all");
    if (setName) client.setParameters([{ name: setName, value: Number(setValue) }], "set");
    if (refusedName) client.setParameters([{ name: refusedName, value: Number(refusedValue) }], "refused");
  }
  if (mode === "stall" && !stalled) {
    // Stop reading the socket: the server's sends back up into its queue for this client.
    stalled = true;
    ws._socket.pause();
    result.stalledAfter = result.counts[topic];
    process.stdin.once("data", () => { result.resumed = true; ws._socket.resume(); });
  }
});

function isJson(text) {
  try { JSON.parse(text); return true; } catch { return false; }
}

setTimeout(() => { result.timedOut = true; finish(1); }, Number(process.env.CLIENT_TIMEOUT_MS ?? 60000)).unref();
