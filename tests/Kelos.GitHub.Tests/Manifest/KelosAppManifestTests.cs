using System.Text.Json.Nodes;
using Kelos.GitHub.Manifest;

namespace Kelos.GitHub.Tests.Manifest;

public sealed class KelosAppManifestTests
{
    private static readonly Uri Callback = new("http://127.0.0.1:8976/callback");

    [Fact]
    public void Build_Defaults_NameUrlsAndPrivate()
    {
        var manifest = KelosAppManifest.Build(new AppManifestSettings(new Uri("https://kelos.example.com"), "Kelos", false, Callback));

        Assert.Equal("Kelos", manifest["name"]!.GetValue<string>());
        Assert.Equal("https://kelos.example.com", manifest["url"]!.GetValue<string>());
        Assert.Equal("https://kelos.example.com/api/github/webhooks", manifest["hook_attributes"]!["url"]!.GetValue<string>());
        Assert.True(manifest["hook_attributes"]!["active"]!.GetValue<bool>());
        Assert.Equal("http://127.0.0.1:8976/callback", manifest["redirect_url"]!.GetValue<string>());
        Assert.False(manifest["public"]!.GetValue<bool>());
    }

    [Fact]
    public void Build_Permissions_WhatKelosNeedsAndNoMore()
    {
        var manifest = KelosAppManifest.Build(new AppManifestSettings(new Uri("https://kelos.example.com"), "Kelos", true, Callback));

        var permissions = manifest["default_permissions"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["contents"] = "write",
                ["issues"] = "write",
                ["pull_requests"] = "write",
                ["checks"] = "write",
                ["metadata"] = "read",
                ["actions"] = "read",
                ["members"] = "read",
            },
            permissions);
        Assert.True(manifest["public"]!.GetValue<bool>());
    }

    [Fact]
    public void Build_Events_TriggersOnlyInstallationEventsComeByDefault()
    {
        var manifest = KelosAppManifest.Build(new AppManifestSettings(new Uri("https://kelos.example.com"), "Kelos", false, Callback));

        var events = manifest["default_events"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Equal(["issue_comment", "issues", "pull_request", "pull_request_review", "pull_request_review_comment", "check_run"], events);
        Assert.DoesNotContain("installation", events);
        Assert.DoesNotContain("installation_repositories", events);
    }

    [Theory]
    [InlineData("https://kelos.example.com/", "https://kelos.example.com/api/github/webhooks")]
    [InlineData("https://example.com/kelos/", "https://example.com/kelos/api/github/webhooks")]
    [InlineData("https://example.com:8443/kelos?x=1", "https://example.com:8443/kelos/api/github/webhooks")]
    public void Build_UrlWithSlashPathOrQuery_WebhookUnderIt(string url, string hook)
    {
        var manifest = KelosAppManifest.Build(new AppManifestSettings(new Uri(url), "Kelos", false, Callback));

        Assert.Equal(hook, manifest["hook_attributes"]!["url"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ftp://kelos.example.com", "Kelos")]
    [InlineData("https://kelos.example.com", "")]
    [InlineData("https://kelos.example.com", "a name that is far too long for GitHub")]
    public void Build_BadUrlOrName_Refused(string url, string name)
    {
        var e = Assert.Throws<ArgumentException>(() => KelosAppManifest.Build(new AppManifestSettings(new Uri(url), name, false, Callback)));

        Assert.DoesNotContain(Environment.NewLine, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SerializesAsGitHubReadsIt()
    {
        var manifest = KelosAppManifest.Build(new AppManifestSettings(new Uri("https://kelos.example.com"), "Kelos", false, Callback));

        var parsed = JsonNode.Parse(manifest.ToJsonString())!.AsObject();

        Assert.Equal(
            ["name", "url", "hook_attributes", "redirect_url", "description", "public", "default_permissions", "default_events"],
            parsed.Select(p => p.Key));
    }
}
