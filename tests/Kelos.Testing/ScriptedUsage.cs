namespace Kelos.Testing;

/// <summary>The token usage every scripted reply reports, so tests can assert usage and cost arithmetic.</summary>
public static class ScriptedUsage
{
    /// <summary>Input tokens reported for each model call.</summary>
    public const int InputTokens = 1200;

    /// <summary>Output tokens reported for each model call.</summary>
    public const int OutputTokens = 80;
}
