using System.CommandLine;

namespace Kelos.Cli.Commands;

/// <summary><c>kelos github-app manifest|create|redeliver</c>: make the GitHub App that Kelos runs as, and recover its failed deliveries.</summary>
public static class GitHubAppCommand
{
    public static Command Create(CliConsole console) => new("github-app", "Describe or create the GitHub App Kelos runs as; redeliver its failed deliveries")
    {
        GitHubAppManifestCommand.Create(console),
        GitHubAppCreateCommand.Create(console),
        GitHubAppRedeliverCommand.Create(console),
    };
}
