using System.CommandLine;
using Kelos.GitHub.Manifest;

namespace Kelos.Cli.Commands;

/// <summary>The flags <c>kelos github-app manifest</c> and <c>create</c> share: what the App is.</summary>
public sealed class GitHubAppFlags
{
    /// <summary>The local page's address unless <c>--listen</c> says otherwise; <c>manifest</c> redirects there by default.</summary>
    public const string DefaultListen = "127.0.0.1:8976";

    public Option<string> Url { get; } = new("--url") { Description = "Where Kelos is served, e.g. https://kelos.example.com (webhooks go to URL/api/github/webhooks)", Required = true };
    public Option<string> Name { get; } = new("--name") { Description = "The App's name (GitHub's are unique; at most 34 characters)", DefaultValueFactory = _ => KelosAppManifest.DefaultName };
    public Option<bool> Public { get; } = new("--public") { Description = "Let other accounts install the App (default: only the owner's)" };

    public void AddTo(Command command)
    {
        command.Add(Url);
        command.Add(Name);
        command.Add(Public);
    }

    /// <summary>An absolute http(s) URL from <paramref name="option"/>'s text.</summary>
    public static Uri ParseUrl(string? text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new CliException($"{option} \"{text}\" is not an absolute http or https URL");
}
