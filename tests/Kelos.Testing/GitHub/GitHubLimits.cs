namespace Kelos.Testing.GitHub;

/// <summary>The limits GitHub enforces that the stand-in enforces too.</summary>
public static class GitHubLimits
{
    /// <summary>The longest comment, issue or pull request body GitHub accepts.</summary>
    public const int MaxBodyLength = 65_536;

    /// <summary>The longest check run output summary or text.</summary>
    public const int MaxCheckRunOutputLength = 65_535;

    /// <summary>The hourly request budget reported in <c>x-ratelimit-limit</c>.</summary>
    public const int RequestsPerHour = 5_000;

    /// <summary>How long an installation token lives.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    /// <summary>How far in the future a JWT's <c>iat</c> may be (clock drift).</summary>
    public static readonly TimeSpan JwtClockSlack = TimeSpan.FromSeconds(60);

    /// <summary>The longest a JWT may live (<c>exp</c> − <c>iat</c>).</summary>
    public static readonly TimeSpan JwtMaxLifetime = TimeSpan.FromMinutes(10);
}
