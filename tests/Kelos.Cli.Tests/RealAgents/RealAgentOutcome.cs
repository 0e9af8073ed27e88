using System.Text;
using System.Text.Json.Nodes;
using Kelos.Testing;

namespace Kelos.Cli.Tests.RealAgents;

/// <summary>One Task's end as the user sees it: what <c>kelos run --watch</c> printed, the Task, and its run's logs.</summary>
public sealed record RealAgentOutcome(CommandResult Run, JsonNode Task, string RunLog)
{
    public string Phase => Task["status"]?["phase"]?.GetValue<string>() ?? "";

    public string Message => Task["status"]?["message"]?.GetValue<string>() ?? "";

    public JsonNode? Results => Task["status"]?["results"];

    public JsonNode? Usage => Task["status"]?["usage"];

    /// <summary>The agent's final answer, decoded from <c>status.results.response</c>.</summary>
    public string? Response => Results?["response"] is { } response
        ? Encoding.UTF8.GetString(Convert.FromBase64String(response.GetValue<string>()))
        : null;

    /// <summary>Everything worth reading when an assertion fails.</summary>
    public override string ToString() =>
        $"{Run}\n--- task ---\n{Task.ToJsonString()}\n--- run log ---\n{RunLog}";
}
