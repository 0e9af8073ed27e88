using System.CommandLine;
using Kelos.GitHub.Api;
using Kelos.GitHub.Manifest;

namespace Kelos.Cli.Commands;

/// <summary>
/// <c>kelos github-app create --url URL</c>: GitHub's App manifest flow from this machine. It serves a one-click page
/// locally that posts the manifest to GitHub; GitHub creates the App and sends the browser back with a code, which is
/// exchanged for the App id, private key and webhook secret, written as a Kubernetes Secret YAML file (owner-only).
/// The key and the secret are never printed.
/// </summary>
public static class GitHubAppCreateCommand
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static Command Create(CliConsole console)
    {
        var flags = new GitHubAppFlags();
        var github = new Option<string>("--github") { Description = "GitHub's web address (GitHub Enterprise Server: its host)", DefaultValueFactory = _ => "https://github.com" };
        var api = new Option<string?>("--api") { Description = "GitHub's REST API (default: the one of --github)" };
        var org = new Option<string?>("--org") { Description = "The organization to own the App (default: your user)" };
        var output = new Option<string>("--out") { Description = "The Secret YAML file to write (must not exist)", DefaultValueFactory = _ => "kelos-github-app.yaml" };
        var secretName = new Option<string>("--secret-name") { Description = "The Secret's name", DefaultValueFactory = _ => GitHubAppSecretYaml.DefaultName };
        var listen = new Option<string>("--listen") { Description = "Where the local page listens, HOST:PORT (port 0: any)", DefaultValueFactory = _ => GitHubAppFlags.DefaultListen };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Do not open a browser; print the page's address and wait" };
        var timeout = new Option<string>("--timeout") { Description = "How long to wait for GitHub to send the browser back", DefaultValueFactory = _ => "10m" };
        var command = new Command("create", "Create the GitHub App on GitHub and save its credentials as a Secret YAML file");
        flags.AddTo(command);
        foreach (var option in new Option[] { github, api, org, output, secretName, listen, noBrowser, timeout })
        {
            command.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var gitHubUrl = GitHubAppFlags.ParseUrl(parse.GetValue(github), "--github");
            var apiUrl = GitHubApiBaseUrl.Normalize(parse.GetValue(api) is { } given ? GitHubAppFlags.ParseUrl(given, "--api") : gitHubUrl);
            var file = Path.GetFullPath(parse.GetValue(output)!);
            RequireNewFile(file);
            var wait = TimeSpan.FromSeconds(DurationText.ParseSeconds(parse.GetValue(timeout)!));
            var settings = new ManifestFlowSettings(
                GitHubAppFlags.ParseUrl(parse.GetValue(flags.Url), "--url"), parse.GetValue(flags.Name)!, parse.GetValue(flags.Public),
                gitHubUrl, apiUrl, parse.GetValue(org), parse.GetValue(listen)!);

            await using var server = await ManifestFlowServer.StartAsync(
                settings,
                (app, ct) => WriteOwnerOnlyAsync(file, GitHubAppSecretYaml.Render(app, apiUrl, parse.GetValue(secretName)!), ct),
                cancellationToken);
            var opened = !parse.GetValue(noBrowser) && BrowserLauncher.TryOpen(server.LocalUrl);
            await console.Error.WriteLineAsync(opened
                ? $"Opened {server.LocalUrl} in your browser: click \"Create GitHub App\", then \"Create\" on GitHub."
                : $"Open {server.LocalUrl} in a browser on this machine: click \"Create GitHub App\", then \"Create\" on GitHub.");
            await console.Error.WriteLineAsync($"Waiting for GitHub to send the browser back (up to {wait.TotalMinutes:0.#} min)...");

            var created = await WaitAsync(server, wait, cancellationToken);
            await console.Out.WriteLineAsync(GitHubAppNextSteps.Render(created, file, apiUrl, settings.Url));
            return 0;
        });
        return command;
    }

    private static async Task<CreatedGitHubApp> WaitAsync(ManifestFlowServer server, TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            return await server.Completion.WaitAsync(wait, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new CliException($"GitHub did not send the browser back to {server.LocalUrl} within {wait.TotalMinutes:0.#} min; run kelos github-app create again");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new CliException($"the App's credentials could not be saved ({e.Message.Split('\n')[0].Trim()}); if GitHub created the App, delete it (Settings, Developer settings, GitHub Apps) and run kelos github-app create again");
        }
    }

    private static void RequireNewFile(string file)
    {
        if (File.Exists(file))
        {
            throw new CliException($"{file} exists; remove it or choose another --out");
        }

        if (!Directory.Exists(Path.GetDirectoryName(file)))
        {
            throw new CliException($"the directory of {file} does not exist");
        }
    }

    /// <summary>Creates the file (never overwrites) readable by its owner only, from the first byte on.</summary>
    private static async Task WriteOwnerOnlyAsync(string file, string content, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly };
        await using (var stream = new FileStream(file, options))
        {
            await using var writer = new StreamWriter(stream);
            await writer.WriteAsync(content.AsMemory(), cancellationToken);
        }

        File.SetUnixFileMode(file, OwnerOnly);
    }
}
