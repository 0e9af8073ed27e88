using System.CommandLine;

namespace Kelos.Cli.Commands;

/// <summary><c>kelos github-app manifest|create</c>: make the GitHub App that Kelos runs as.</summary>
public static class GitHubAppCommand
{
    public static Command Create(CliConsole console) => new("github-app", "Describe or create the GitHub App Kelos runs as")
    {
        GitHubAppManifestCommand.Create(console),
        GitHubAppCreateCommand.Create(console),
    };
}
