namespace Kelos.Testing;

/// <summary>
/// The scenarios of <see cref="ScriptedModelServer"/>. A prompt picks one with <c>[[scenario:NAME]]</c>;
/// without a marker the server plays <see cref="Commit"/>.
/// </summary>
public static class ScenarioNames
{
    /// <summary>First turn: a shell tool call that writes a file and commits it. After a tool result: the final answer.</summary>
    public const string Commit = "commit";

    /// <summary>No tool call: the final answer straight away (plans, reviews).</summary>
    public const string Answer = "answer";

    /// <summary>Every model call fails with HTTP 401 and the provider's error body.</summary>
    public const string Http401 = "http401";

    /// <summary>Every model call fails with HTTP 500 and the provider's error body.</summary>
    public const string Http500 = "http500";

    /// <summary>
    /// First turn: a harmless tool call. After the tool result, a reply that does not finish the turn: Anthropic
    /// says <c>stop_reason: tool_use</c> with only text (Claude Code then ends its run "successfully" with that
    /// stop reason, the upstream false-success case); OpenAI and Gemini end the stream before it completes.
    /// </summary>
    public const string StopMidTool = "stop-mid-tool";

    /// <summary>Every model call waits (10 minutes by default) before answering, until the client hangs up.</summary>
    public const string Slow = "slow";

    /// <summary>First turn: a shell tool call that tries to write outside the clone. After the tool result: the final answer.</summary>
    public const string WriteOutside = "write-outside";
}
