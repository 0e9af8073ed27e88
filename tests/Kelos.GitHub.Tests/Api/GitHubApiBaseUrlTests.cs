using Kelos.GitHub.Api;

namespace Kelos.GitHub.Tests.Api;

public sealed class GitHubApiBaseUrlTests
{
    [Theory]
    [InlineData("https://api.github.com", "https://api.github.com/")]
    [InlineData("https://api.github.com/", "https://api.github.com/")]
    [InlineData("https://github.com", "https://api.github.com/")]
    [InlineData("https://ghe.example.com", "https://ghe.example.com/api/v3/")]
    [InlineData("https://ghe.example.com/", "https://ghe.example.com/api/v3/")]
    [InlineData("https://ghe.example.com/api/v3", "https://ghe.example.com/api/v3/")]
    [InlineData("https://ghe.example.com/api/v3/", "https://ghe.example.com/api/v3/")]
    [InlineData("http://127.0.0.1:5123/", "http://127.0.0.1:5123/")]
    [InlineData("http://localhost:5123", "http://localhost:5123/")]
    [InlineData("http://[::1]:5123", "http://[::1]:5123/")]
    [InlineData("http://127.0.0.1:5123/api/v3", "http://127.0.0.1:5123/api/v3/")]
    [InlineData("http://github-stub:8080/github", "http://github-stub:8080/github/")]
    public void Normalize_Configured_GivesRoot(string configured, string expected)
    {
        Assert.Equal(new Uri(expected), GitHubApiBaseUrl.Normalize(new Uri(configured)));
    }
}
