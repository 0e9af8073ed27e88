// What an agent's JSON stream says about the run: input and output tokens, cost and the final answer.
// A port of the stream parsers in src/Kelos.Agents (ClaudeStreamParser, CodexStreamParser, GeminiStreamParser,
// OpenCodeStreamParser) reduced to what the outputs block carries; tests/Kelos.Images.Tests feeds the same
// recorded streams to both and requires the same pairs. Field reads are tolerant: a missing or mistyped field is
// null, never an exception, and a line that is not one JSON object is skipped.

import { plainDecimal, addDecimals } from "./decimal.mjs";

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const str = (object, name) => (isObject(object) && typeof object[name] === "string" ? object[name] : null);
const obj = (object, name) => (isObject(object) && isObject(object[name]) ? object[name] : null);
const arr = (object, name) => (isObject(object) && Array.isArray(object[name]) ? object[name] : []);
const int = (object, name) =>
  isObject(object) && typeof object[name] === "number" && Number.isFinite(object[name]) ? Math.trunc(object[name]) : null;
const firstInt = (object, ...names) => names.map((name) => int(object, name)).find((value) => value !== null) ?? null;
const dec = (object, name) =>
  isObject(object) && typeof object[name] === "number" && Number.isFinite(object[name]) ? plainDecimal(object[name]) : null;

/** The final answer when it arrives in pieces: the text since the last tool call or step, else the text before it. */
class AnswerText {
  constructor(separator) {
    this.separator = separator;
    this.current = "";
    this.previous = null;
  }

  append(text) {
    if (this.current.length > 0 && this.separator.length > 0) {
      this.current += this.separator;
    }
    this.current += text;
  }

  break() {
    if (this.current.length > 0) {
      this.previous = this.current;
      this.current = "";
    }
  }

  get value() {
    return this.current.length > 0 ? this.current : this.previous;
  }
}

/** Claude Code and Cursor: the last result line (is_error drops the answer), else nothing. */
function claudeStyle() {
  let result = null;
  let lastAssistantText = null;
  return {
    onEvent(line) {
      if (line.type === "result") {
        const usage = obj(line, "usage");
        result = {
          isError: line.is_error === true,
          text: str(line, "result"),
          inputTokens: firstInt(usage, "input_tokens", "inputTokens"),
          outputTokens: firstInt(usage, "output_tokens", "outputTokens"),
          costUsd: dec(line, "total_cost_usd"),
        };
      } else if (line.type === "assistant" && str(line, "parent_tool_use_id") === null && obj(line, "message")) {
        for (const block of arr(line.message, "content")) {
          const text = str(block, "text");
          if (str(block, "type") === "text" && text) {
            lastAssistantText = text;
          }
        }
      }
    },
    summary() {
      if (result === null) {
        return { finalAnswer: null, inputTokens: null, outputTokens: null, costUsd: null };
      }
      const answer = result.isError ? null : result.text ? result.text : lastAssistantText;
      return { finalAnswer: answer, inputTokens: result.inputTokens, outputTokens: result.outputTokens, costUsd: result.costUsd };
    },
  };
}

/** Codex: usage summed over turn.completed, the last agent_message as the answer, no cost. */
function codex() {
  let inputTokens = null;
  let outputTokens = null;
  let lastAgentMessage = null;
  return {
    onEvent(line) {
      if (line.type === "turn.completed") {
        const usage = obj(line, "usage");
        inputTokens = (inputTokens ?? 0) + (int(usage, "input_tokens") ?? 0);
        outputTokens = (outputTokens ?? 0) + (int(usage, "output_tokens") ?? 0);
      } else if (line.type === "item.completed" && str(obj(line, "item"), "type") === "agent_message") {
        lastAgentMessage = str(line.item, "text") ?? lastAgentMessage;
      }
    },
    summary: () => ({ finalAnswer: lastAgentMessage, inputTokens, outputTokens, costUsd: null }),
  };
}

/** Gemini: the result line's stats, assistant text after the last tool call (deltas joined), no cost. */
function gemini() {
  const answer = new AnswerText("");
  let inputTokens = null;
  let outputTokens = null;
  return {
    onEvent(line) {
      if (line.type === "message" && str(line, "role") === "assistant" && str(line, "content") !== null) {
        answer.append(line.content);
      } else if (line.type === "tool_use") {
        answer.break();
      } else if (line.type === "result") {
        const stats = obj(line, "stats");
        inputTokens = firstInt(stats, "input_tokens", "inputTokens");
        outputTokens = firstInt(stats, "output_tokens", "outputTokens");
      }
    },
    summary: () => ({ finalAnswer: answer.value, inputTokens, outputTokens, costUsd: null }),
  };
}

/** OpenCode: tokens and cost summed over step_finish, the text parts of the last step as the answer. */
function openCode() {
  const answer = new AnswerText("\n");
  let inputTokens = null;
  let outputTokens = null;
  let cost = null;
  return {
    onEvent(line) {
      const part = obj(line, "part");
      if (line.type === "step_start") {
        answer.break();
      } else if (line.type === "text" && str(part, "text")) {
        answer.append(part.text);
      } else if (line.type === "step_finish" && part) {
        const tokens = obj(part, "tokens");
        inputTokens = (inputTokens ?? 0) + (int(tokens, "input") ?? 0);
        outputTokens = (outputTokens ?? 0) + (int(tokens, "output") ?? 0);
        const stepCost = dec(part, "cost");
        if (stepCost !== null) {
          cost = addDecimals(cost ?? "0", stepCost);
        }
      }
    },
    summary: () => ({ finalAnswer: answer.value, inputTokens, outputTokens, costUsd: cost }),
  };
}

/** A custom agent's stream says nothing Kelos can read; it may print its own outputs block. */
function none() {
  return { onEvent() {}, summary: () => ({ finalAnswer: null, inputTokens: null, outputTokens: null, costUsd: null }) };
}

const parsers = { "claude-code": claudeStyle, cursor: claudeStyle, codex, gemini, opencode: openCode };

/** A parser for the agent type: feed(line) each stdout line, then summary(). Unknown types read nothing. */
export function createStreamSummary(agentType) {
  const parser = (parsers[agentType] ?? none)();
  return {
    feed(line) {
      const trimmed = line.trim();
      if (!trimmed.startsWith("{")) {
        return;
      }
      let event;
      try {
        event = JSON.parse(trimmed);
      } catch {
        return;
      }
      if (isObject(event)) {
        parser.onEvent(event);
      }
    },
    summary: () => parser.summary(),
  };
}
