namespace Kelos.Agents;

/// <summary>The credential types whose secret an adapter knows where to put (a Task's <c>credentials.type</c>).</summary>
public static class CredentialTypes
{
    public const string ApiKey = "api-key";
    public const string OAuth = "oauth";

    /// <summary>Picks the variable for <paramref name="credentialType"/>; anything else (including <c>none</c>) is refused.</summary>
    internal static string Pick(string agentType, string credentialType, string apiKeyVariable, string oauthVariable) =>
        credentialType switch
        {
            ApiKey => apiKeyVariable,
            OAuth => oauthVariable,
            _ => throw new ArgumentException(
                $"{agentType} has no credential variable for credential type \"{credentialType}\"; expected {ApiKey} or {OAuth}.",
                nameof(credentialType)),
        };
}
