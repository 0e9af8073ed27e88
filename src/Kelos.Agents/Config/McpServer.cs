namespace Kelos.Agents.Config;

/// <summary>One MCP server from <c>KELOS_MCP_SERVERS</c>, with its secrets already resolved.</summary>
/// <param name="Type"><c>stdio</c>, <c>http</c> or <c>sse</c>.</param>
internal sealed record McpServer(
    string Name,
    string Type,
    string? Command,
    IReadOnlyList<string> Args,
    string? Url,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Env)
{
    public const string Stdio = "stdio";
    public const string Http = "http";
    public const string Sse = "sse";

    public bool IsStdio => Type == Stdio;
}
