#!/usr/bin/env node
// Writes what the agent reads before it starts, as src/Kelos.Agents's adapters do in embedded mode:
// KELOS_AGENTS_MD to the agent's user instruction file, and KELOS_MCP_SERVERS ({"mcpServers": {name: {...}}})
// merged into the agent's own user config (a config the image or a volume already holds keeps its other keys).
//
//   node kelos-configure.mjs AGENT_TYPE
//
// A malformed KELOS_MCP_SERVERS stops the run with a message naming the problem (exit 2).

import fs from "node:fs";
import path from "node:path";

const env = process.env;
const home = env.HOME || "/home/agent";
const agentType = process.argv[2] ?? env.KELOS_AGENT_TYPE ?? "";

function fail(message) {
  process.stderr.write(`kelos: ${message}\n`);
  process.exit(2);
}

function write(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, { mode: 0o600 });
}

function readJson(file) {
  if (!fs.existsSync(file)) return {};
  try {
    const value = JSON.parse(fs.readFileSync(file, "utf8"));
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
  } catch {
    fail(`${file} is not valid JSON; cannot merge Kelos's settings into it`);
  }
}

/** Sets each key of patch in the JSON file (objects merged one level deep), keeping everything else. */
function mergeJson(file, patch) {
  const config = readJson(file);
  for (const [key, value] of Object.entries(patch)) {
    const current = config[key];
    config[key] =
      current && typeof current === "object" && !Array.isArray(current) && value && typeof value === "object" && !Array.isArray(value)
        ? { ...current, ...value }
        : value;
  }
  write(file, JSON.stringify(config, null, 2) + "\n");
}

/** KELOS_MCP_SERVERS as a list of {name, type, command, args, url, headers, env}, as McpServerList reads it. */
function mcpServers() {
  const json = env.KELOS_MCP_SERVERS;
  if (!json || !json.trim()) return [];
  let document;
  try {
    document = JSON.parse(json);
  } catch (error) {
    fail(`KELOS_MCP_SERVERS is not valid JSON: ${error.message}`);
  }
  const servers = document?.mcpServers;
  if (!servers || typeof servers !== "object" || Array.isArray(servers)) {
    fail('KELOS_MCP_SERVERS must look like {"mcpServers": {"name": {...}}}');
  }
  return Object.entries(servers).map(([name, server]) => {
    if (!server || typeof server !== "object" || Array.isArray(server)) fail(`MCP server "${name}" must be a JSON object`);
    const text = (field) => (typeof server[field] === "string" ? server[field] : null);
    const command = text("command");
    const url = text("url") ?? text("httpUrl");
    const type = text("type") ?? (command === null && url !== null ? "http" : "stdio");
    if (!["stdio", "http", "sse"].includes(type)) fail(`MCP server "${name}" has type "${type}"; expected stdio, http or sse`);
    if (type === "stdio" ? command === null : url === null) {
      fail(`MCP server "${name}" of type ${type} needs ${type === "stdio" ? "a command" : "a url"}`);
    }
    const map = (field) =>
      Object.fromEntries(
        Object.entries(server[field] && typeof server[field] === "object" ? server[field] : {}).map(([key, value]) => [
          key,
          typeof value === "string" ? value : JSON.stringify(value),
        ]),
      );
    const args = Array.isArray(server.args) ? server.args.filter((arg) => typeof arg === "string") : [];
    return { name, type, command, args, url, headers: map("headers"), env: map("env") };
  });
}

const nonEmpty = (object) => Object.keys(object).length > 0;

/** Claude Code's shape (with type) and Cursor's (without); Gemini names streamable HTTP httpUrl. */
function claudeStyle(servers, { withType, httpField = "url" }) {
  return Object.fromEntries(
    servers.map((server) => {
      const entry = withType ? { type: server.type } : {};
      if (server.type === "stdio") {
        entry.command = server.command;
        if (server.args.length > 0) entry.args = server.args;
        if (nonEmpty(server.env)) entry.env = server.env;
      } else {
        entry[server.type === "http" ? httpField : "url"] = server.url;
        if (nonEmpty(server.headers)) entry.headers = server.headers;
      }
      return [server.name, entry];
    }),
  );
}

const tomlQuote = (value) =>
  '"' +
  [...value]
    .map((c) => {
      const code = c.charCodeAt(0);
      if (c === '"') return '\\"';
      if (c === "\\") return "\\\\";
      if (c === "\n") return "\\n";
      if (c === "\r") return "\\r";
      if (c === "\t") return "\\t";
      if (code < 0x20 || code === 0x7f) return "\\u" + code.toString(16).toUpperCase().padStart(4, "0");
      return c;
    })
    .join("") +
  '"';
const tomlKey = (key) => (/^[A-Za-z0-9_-]+$/.test(key) ? key : tomlQuote(key));
const tomlTable = (map) =>
  nonEmpty(map) ? "{ " + Object.entries(map).map(([k, v]) => `${tomlKey(k)} = ${tomlQuote(v)}`).join(", ") + " }" : "{}";

/** Codex's config.toml, as CodexConfigToml writes it; appended to when the image already holds one. */
function codexToml(servers, existing) {
  let toml = "";
  if (!existing) {
    const baseUrl = (env.OPENAI_BASE_URL ?? "").trim();
    toml += "# Written by Kelos for this run.\ncheck_for_update_on_startup = false\n";
    if (baseUrl) toml += 'model_provider = "kelos"\n';
    toml += "\n[analytics]\nenabled = false\n";
    if (baseUrl) {
      const keyVariable = !("CODEX_API_KEY" in env) && "OPENAI_API_KEY" in env ? "OPENAI_API_KEY" : "CODEX_API_KEY";
      toml += '\n[model_providers.kelos]\nname = "kelos"\n';
      toml += `base_url = ${tomlQuote(baseUrl.replace(/\/+$/, ""))}\nenv_key = ${tomlQuote(keyVariable)}\n`;
      toml += 'wire_api = "responses"\nsupports_websockets = false\nrequest_max_retries = 0\n';
    }
  }
  for (const server of servers) {
    toml += `\n[mcp_servers.${tomlKey(server.name)}]\n`;
    if (server.type === "stdio") {
      toml += `command = ${tomlQuote(server.command)}\n`;
      if (server.args.length > 0) toml += `args = [${server.args.map(tomlQuote).join(", ")}]\n`;
      if (nonEmpty(server.env)) toml += `env = ${tomlTable(server.env)}\n`;
    } else {
      toml += `url = ${tomlQuote(server.url)}\n`;
      if (nonEmpty(server.headers)) toml += `http_headers = ${tomlTable(server.headers)}\n`;
    }
  }
  return toml;
}

function openCodeMcp(servers) {
  return Object.fromEntries(
    servers.map((server) => {
      const entry = { type: server.type === "stdio" ? "local" : "remote" };
      if (server.type === "stdio") {
        entry.command = [server.command, ...server.args];
        if (nonEmpty(server.env)) entry.environment = server.env;
      } else {
        entry.url = server.url;
        if (nonEmpty(server.headers)) entry.headers = server.headers;
      }
      entry.enabled = true;
      return [server.name, entry];
    }),
  );
}

const agentsMd = env.KELOS_AGENTS_MD ?? "";
const instructions = (file) => {
  if (agentsMd) write(file, agentsMd);
};
const servers = mcpServers();

switch (agentType) {
  case "claude-code": {
    const configDir = env.CLAUDE_CONFIG_DIR?.trim() || null;
    instructions(configDir ? path.join(configDir, "CLAUDE.md") : path.join(home, ".claude", "CLAUDE.md"));
    if (servers.length > 0) {
      mergeJson(path.join(configDir ?? home, ".claude.json"), { mcpServers: claudeStyle(servers, { withType: true }) });
    }
    break;
  }
  case "codex": {
    const codexHome = env.CODEX_HOME || path.join(home, ".codex");
    instructions(path.join(codexHome, "AGENTS.md"));
    const configFile = path.join(codexHome, "config.toml");
    const existing = fs.existsSync(configFile) ? fs.readFileSync(configFile, "utf8") : null;
    write(configFile, (existing ?? "") + codexToml(servers, existing));
    if (env.CODEX_AUTH_JSON) write(path.join(codexHome, "auth.json"), env.CODEX_AUTH_JSON.replace(/[\r\n]/g, ""));
    break;
  }
  case "gemini": {
    instructions(path.join(home, ".gemini", "GEMINI.md"));
    const settings = {
      security: { auth: { selectedType: "gemini-api-key" } },
      privacy: { usageStatisticsEnabled: false },
      telemetry: { enabled: false },
    };
    if (servers.length > 0) settings.mcpServers = claudeStyle(servers, { withType: false, httpField: "httpUrl" });
    mergeJson(path.join(home, ".gemini", "settings.json"), settings);
    break;
  }
  case "opencode": {
    const configFile = env.OPENCODE_CONFIG || path.join(home, ".config", "opencode", "opencode.json");
    instructions(path.join(home, ".config", "opencode", "AGENTS.md"));
    const config = { $schema: "https://opencode.ai/config.json", autoupdate: false, share: "disabled", permission: { bash: "allow", edit: "allow" } };
    const model = env.KELOS_MODEL?.trim() || "";
    const provider = model ? model.split("/")[0] : "anthropic";
    const baseUrl = env.ANTHROPIC_BASE_URL?.trim();
    if (baseUrl && provider === "anthropic") config.provider = { anthropic: { options: { baseURL: baseUrl.replace(/\/+$/, "") + "/v1" } } };
    if (servers.length > 0) config.mcp = openCodeMcp(servers);
    mergeJson(configFile, config);
    break;
  }
  case "cursor": {
    instructions(path.join(home, ".cursor", "AGENTS.md"));
    if (servers.length > 0) mergeJson(path.join(home, ".cursor", "mcp.json"), { mcpServers: claudeStyle(servers, { withType: false }) });
    break;
  }
  default:
    break;
}
