#!/usr/bin/env node
// The capture step: `AGENT-CLI ... | node kelos-capture.mjs AGENT_TYPE`.
// Passes the agent's stdout through unchanged as it comes, reads its JSON stream on the way, and when the stream
// ends prints the outputs block Kelos reads from the tail of the container log, in the order and format embedded
// mode writes it (src/Kelos.Agents/OutputsBlock.cs, src/Kelos.Runtime.Local/Runs/OutputsCollector.cs):
//
//   ---KELOS_OUTPUTS_START---
//   branch: <current branch>          (git pairs only inside a git work tree)
//   commit: <HEAD sha>
//   base-branch: <KELOS_BASE_BRANCH, else origin's default branch>
//   pr: <url>                         (one per pull request for the branch, when gh is installed and has a token)
//   input-tokens: <n>                 (each of these only when the stream says)
//   output-tokens: <n>
//   cost-usd: <decimal>
//   response: <base64 of the UTF-8 final answer>
//   <the pairs of a block the agent printed itself, which win on the same key>
//   ---KELOS_OUTPUTS_END---
//
// It never fails the run: anything it cannot find is left out, and its exit code is 0 unless stdout is gone.
// The entrypoint exits with the agent's exit code, not this one's.

import { execFileSync } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
import { createStreamSummary } from "./stream-summary.mjs";

const START = "---KELOS_OUTPUTS_START---";
const END = "---KELOS_OUTPUTS_END---";

const agentType = process.argv[2] ?? process.env.KELOS_AGENT_TYPE ?? "";
const stream = createStreamSummary(agentType);
const decoder = new StringDecoder("utf8");
let pending = "";
let endsWithNewline = true;
let ownBlock = null;
let openBlock = null;

function onLine(rawLine) {
  const line = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
  stream.feed(line);
  const marker = line.trim();
  if (marker === START) {
    openBlock = [];
  } else if (marker === END && openBlock !== null) {
    ownBlock = openBlock;
    openBlock = null;
  } else if (openBlock !== null) {
    openBlock.push(line);
  }
}

process.stdin.on("data", (chunk) => {
  process.stdout.write(chunk);
  endsWithNewline = chunk[chunk.length - 1] === 0x0a;
  pending += decoder.write(chunk);
  const lines = pending.split("\n");
  pending = lines.pop();
  lines.forEach(onLine);
});

process.stdin.on("end", () => {
  pending += decoder.end();
  if (pending.length > 0) {
    onLine(pending);
  }
  const block = [START, ...pairs().map(([key, value]) => `${key}: ${value}`), END].join("\n") + "\n";
  process.stdout.write((endsWithNewline ? "" : "\n") + block);
});

function pairs() {
  const result = [...gitPairs()];
  const summary = stream.summary();
  if (summary.inputTokens !== null) result.push(["input-tokens", String(summary.inputTokens)]);
  if (summary.outputTokens !== null) result.push(["output-tokens", String(summary.outputTokens)]);
  if (summary.costUsd !== null) result.push(["cost-usd", summary.costUsd]);
  if (summary.finalAnswer) result.push(["response", Buffer.from(summary.finalAnswer, "utf8").toString("base64")]);
  return [...result, ...ownPairs()];
}

function run(command, args, timeout = 10_000) {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout }).trim();
  } catch {
    return null;
  }
}

function gitPairs() {
  if (run("git", ["rev-parse", "--is-inside-work-tree"]) !== "true") {
    return [];
  }
  const result = [];
  const branch = run("git", ["symbolic-ref", "--short", "-q", "HEAD"]) || process.env.KELOS_BRANCH || null;
  const commit = run("git", ["rev-parse", "-q", "--verify", "HEAD"]);
  const originHead = run("git", ["symbolic-ref", "--short", "-q", "refs/remotes/origin/HEAD"]);
  const base = process.env.KELOS_BASE_BRANCH || (originHead ? originHead.replace(/^origin\//, "") : null);
  if (branch) result.push(["branch", branch]);
  if (commit) result.push(["commit", commit]);
  if (base) result.push(["base-branch", base]);
  if (branch) {
    for (const url of pullRequests(branch)) result.push(["pr", url]);
  }
  return result;
}

// gh reads GH_TOKEN / GITHUB_TOKEN (or GH_ENTERPRISE_TOKEN with GH_HOST) itself; without one it would only fail.
function pullRequests(branch) {
  const env = process.env;
  if (!env.GH_TOKEN && !env.GITHUB_TOKEN && !env.GH_ENTERPRISE_TOKEN) {
    return [];
  }
  const listed = run("gh", ["pr", "list", "--head", branch, "--state", "all", "--json", "url", "--jq", ".[].url"], 30_000);
  return listed ? listed.split("\n").map((url) => url.trim()).filter((url) => /^https?:\/\/\S+$/.test(url)) : [];
}

// As OutputsBlock.ParseLast reads a block: split on the first ": ", a bare "key:" is an empty value.
function ownPairs() {
  const result = [];
  for (const line of ownBlock ?? []) {
    const separator = line.indexOf(": ");
    const trimmed = line.trimEnd();
    if (separator > 0) {
      result.push([line.slice(0, separator).trim(), line.slice(separator + 2)]);
    } else if (trimmed.endsWith(":") && trimmed.length > 1) {
      result.push([trimmed.slice(0, -1).trim(), ""]);
    }
  }
  return result;
}
