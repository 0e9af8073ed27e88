using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Kelos.GitHub.Auth;
using Kelos.GitHub.Tests.Api;
using Kelos.Testing.GitHub;
using Octokit;
using Octokit.Internal;

namespace Kelos.GitHub.Tests.Auth;

public sealed class GitHubAppJwtTests
{
    [Fact]
    public void Create_Claims_FollowGitHubRules()
    {
        var time = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        using var key = RSA.Create(2048);

        var jwt = GitHubAppJwt.Create(42, key.ExportRSAPrivateKeyPem(), time);

        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        Assert.Equal("42", payload.RootElement.GetProperty("iss").GetString());
        Assert.Equal(1_700_000_000 - 60, payload.RootElement.GetProperty("iat").GetInt64());
        Assert.Equal(1_700_000_000 + 540, payload.RootElement.GetProperty("exp").GetInt64());
        var signed = System.Text.Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
        Assert.True(key.VerifyData(signed, Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task Create_WithAppKey_IsAcceptedByGitHub()
    {
        await using var harness = await GitHubAppHarness.StartAsync();

        var app = await harness.Clients.CreateAppClient().GitHubApps.GetCurrent();

        Assert.Equal(harness.GitHub.AppSlug, app.Slug);
        Assert.Equal(GitHubAuthKind.Jwt, harness.GitHub.Calls.Single(c => c.ApiPath == "/app").Auth);
    }

    [Fact]
    public async Task Create_Expired_IsRejectedWith401()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var tenMinutesAgo = new ManualTimeProvider(harness.Time.GetUtcNow() - TimeSpan.FromMinutes(10));
        var jwt = GitHubAppJwt.Create(harness.GitHub.AppId, harness.GitHub.PrivateKeyPem, tenMinutesAgo);

        var error = await Assert.ThrowsAsync<AuthorizationException>(() => ClientWith(harness, jwt).GitHubApps.GetCurrent());

        Assert.Contains("'exp'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithWrongKey_IsRejectedWith401()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        using var otherKey = RSA.Create(2048);
        var jwt = GitHubAppJwt.Create(harness.GitHub.AppId, otherKey.ExportRSAPrivateKeyPem(), harness.Time);

        var error = await Assert.ThrowsAsync<AuthorizationException>(() => ClientWith(harness, jwt).GitHubApps.GetCurrent());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Create_ForAnotherApp_IsRejectedWith401()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var jwt = GitHubAppJwt.Create(harness.GitHub.AppId + 1, harness.GitHub.PrivateKeyPem, harness.Time);

        await Assert.ThrowsAsync<AuthorizationException>(() => ClientWith(harness, jwt).GitHubApps.GetCurrent());
    }

    [Fact]
    public void Create_NotAKey_ThrowsWithoutEchoingIt()
    {
        const string notAKey = "-----BEGIN RSA PRIVATE KEY-----\nc2VjcmV0LXNoYXBlZC1nYXJiYWdl\n-----END RSA PRIVATE KEY-----";

        var error = Assert.Throws<ArgumentException>(() => GitHubAppJwt.Create(1, notAKey, TimeProvider.System));

        Assert.DoesNotContain("c2VjcmV0", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_PublicKeyOnly_Throws()
    {
        using var key = RSA.Create(2048);

        Assert.Throws<ArgumentException>(() => GitHubAppJwt.Create(1, key.ExportSubjectPublicKeyInfoPem(), TimeProvider.System));
    }

    private static GitHubClient ClientWith(GitHubAppHarness harness, string jwt) =>
        new(harness.Connections.Create(new InMemoryCredentialStore(new Credentials(jwt, AuthenticationType.Bearer))));
}
