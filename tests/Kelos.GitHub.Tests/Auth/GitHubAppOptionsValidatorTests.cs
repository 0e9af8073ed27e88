using System.Security.Cryptography;
using Kelos.GitHub.Auth;

namespace Kelos.GitHub.Tests.Auth;

public sealed class GitHubAppOptionsValidatorTests
{
    private static readonly string Pem = CreatePem();

    [Fact]
    public void Validate_InlineKey_Succeeds()
    {
        var result = new GitHubAppOptionsValidator().Validate(null, new GitHubAppOptions { AppId = 7, PrivateKeyPem = Pem });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_KeyFile_Succeeds()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Pem);

            var result = new GitHubAppOptionsValidator().Validate(null, new GitHubAppOptions { AppId = 7, PrivateKeyPath = path });

            Assert.True(result.Succeeded, result.FailureMessage);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_NoKey_FailsSayingSo()
    {
        var result = new GitHubAppOptionsValidator().Validate(null, new GitHubAppOptions { AppId = 7 });

        Assert.True(result.Failed);
        Assert.Contains("private key", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingFile_NamesThePath()
    {
        var result = new GitHubAppOptionsValidator().Validate(null, new GitHubAppOptions { AppId = 7, PrivateKeyPath = "/nonexistent/kelos.pem" });

        Assert.True(result.Failed);
        Assert.Contains("/nonexistent/kelos.pem", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GarbageKeyAndNoAppId_FailsWithoutEchoingTheKey()
    {
        var result = new GitHubAppOptionsValidator().Validate(null, new GitHubAppOptions { PrivateKeyPem = "hunter2-not-a-key" });

        Assert.True(result.Failed);
        Assert.Contains("App id", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RelativeApiUrl_Fails()
    {
        var options = new GitHubAppOptions { AppId = 7, PrivateKeyPem = Pem, ApiBaseUrl = new Uri("api/v3", UriKind.Relative) };

        Assert.True(new GitHubAppOptionsValidator().Validate(null, options).Failed);
    }

    private static string CreatePem()
    {
        using var key = RSA.Create(2048);
        return key.ExportRSAPrivateKeyPem();
    }
}
