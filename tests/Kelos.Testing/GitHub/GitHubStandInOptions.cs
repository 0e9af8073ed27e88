namespace Kelos.Testing.GitHub;

/// <summary>Who the stand-in's App is, and whose clock it keeps.</summary>
public sealed class GitHubStandInOptions
{
    /// <summary>The App id: the JWT's <c>iss</c> must be this.</summary>
    public long AppId { get; init; } = 4242;

    /// <summary>The App slug; its comments are written by <c>{slug}[bot]</c>.</summary>
    public string AppSlug { get; init; } = "kelos-test";

    /// <summary>The clock for JWT checks, token expiry, rate-limit resets and timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The webhook secret the manifest conversion hands out.</summary>
    public string WebhookSecret { get; init; } = "stand-in-webhook-secret";
}
