using System.CommandLine;
using System.Text.Json;
using Kelos.GitHub.Manifest;

namespace Kelos.Cli.Commands;

/// <summary>
/// <c>kelos github-app manifest --url URL [--name NAME] [--public] [--redirect-url URL]</c>: prints the App manifest
/// (the permissions and events Kelos needs), for GitHub's manifest flow run by hand or by <c>create</c>.
/// </summary>
public static class GitHubAppManifestCommand
{
    public static Command Create(CliConsole console)
    {
        var flags = new GitHubAppFlags();
        var redirect = new Option<string>("--redirect-url")
        {
            Description = "Where GitHub sends the browser with the code (default: where kelos github-app create listens)",
            DefaultValueFactory = _ => $"http://{GitHubAppFlags.DefaultListen}{ManifestFlowServer.CallbackPath}",
        };
        var command = new Command("manifest", "Print the GitHub App manifest for a Kelos served at --url");
        flags.AddTo(command);
        command.Add(redirect);
        command.SetAction(parse =>
        {
            var manifest = KelosAppManifest.Build(new AppManifestSettings(
                GitHubAppFlags.ParseUrl(parse.GetValue(flags.Url), "--url"),
                parse.GetValue(flags.Name)!,
                parse.GetValue(flags.Public),
                GitHubAppFlags.ParseUrl(parse.GetValue(redirect), "--redirect-url")));
            console.Out.WriteLine(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        });
        return command;
    }
}
