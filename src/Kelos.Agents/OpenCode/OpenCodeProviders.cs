namespace Kelos.Agents.OpenCode;

/// <summary>
/// OpenCode takes <c>provider/model</c> and reads each provider's key from that provider's own variable; Kelos
/// hands it one <c>OPENCODE_API_KEY</c>. This maps the one to the other, as upstream Kelos's image does.
/// </summary>
internal static class OpenCodeProviders
{
    private static readonly Dictionary<string, string> KeyVariables = new(StringComparer.Ordinal)
    {
        ["anthropic"] = "ANTHROPIC_API_KEY",
        ["openai"] = "OPENAI_API_KEY",
        ["google"] = "GEMINI_API_KEY",
        ["groq"] = "GROQ_API_KEY",
        ["xai"] = "XAI_API_KEY",
    };

    /// <summary>The provider part of <c>provider/model</c>; OpenCode's default, Anthropic, when no model is given.</summary>
    public static string Provider(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return "anthropic";
        }

        var slash = model.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? model : model[..slash];
    }

    /// <summary>
    /// The provider variable to fill from <c>OPENCODE_API_KEY</c>, or null: for OpenCode's own Zen provider
    /// (which reads <c>OPENCODE_API_KEY</c> itself), unknown providers, or a key the caller already set.
    /// </summary>
    public static string? KeyVariableToFill(string? model, IReadOnlyDictionary<string, string> environment) =>
        environment.ContainsKey("OPENCODE_API_KEY")
            && KeyVariables.TryGetValue(Provider(model), out var variable)
            && !environment.ContainsKey(variable)
            ? variable
            : null;
}
