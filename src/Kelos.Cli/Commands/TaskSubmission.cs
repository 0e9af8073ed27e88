using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kelos.Core.Loading;
using Kelos.Core.Resources;
using Kelos.Core.Store;

namespace Kelos.Cli.Commands;

/// <summary>
/// Turns <c>kelos run</c>'s input into stored resources: the Task from <c>-f</c> (other resources in the file
/// are applied alongside) or from flags (validated by the same loader as any file), created once.
/// </summary>
public static class TaskSubmission
{
    public static KelosTask Submit(ParseResult parse, RunFlags flags, IResourceStore store, CliConsole console)
    {
        var resources = parse.GetValue(flags.File) is { } file
            ? ResourceFiles.Load(file, console, "nothing was run")
            : FromFlags(parse, flags, console);

        var tasks = resources.OfType<KelosTask>().ToList();
        if (tasks.Count != 1)
        {
            throw new CliException($"kelos run takes exactly one Task, got {tasks.Count}; use kelos apply for several");
        }

        var others = resources.Where(r => r is not KelosTask).ToList();
        var outcomes = store.Apply(others);
        for (var i = 0; i < others.Count; i++)
        {
            console.Error.WriteLine($"{ApplyCommand.Describe(others[i])} {outcomes[i].ToString().ToLowerInvariant()}");
        }

        if (!store.Create(tasks[0]))
        {
            throw new CliException($"task \"{tasks[0].Name}\" exists already; pick another --name, or delete it with kelos delete task {tasks[0].Name}");
        }

        return tasks[0];
    }

    private static List<KelosResource> FromFlags(ParseResult parse, RunFlags flags, CliConsole console)
    {
        var prompt = parse.GetValue(flags.Prompt) ?? throw new CliException("give the Task's prompt with -p/--prompt, or a file with -f");
        var name = parse.GetValue(flags.Name) ?? GeneratedName();
        var spec = new JsonObject
        {
            ["type"] = parse.GetValue(flags.Type),
            ["prompt"] = prompt,
            ["credentials"] = parse.GetValue(flags.Secret) is { } secret
                ? new JsonObject { ["type"] = Credentials.ApiKey, ["secretRef"] = new JsonObject { ["name"] = secret } }
                : new JsonObject { ["type"] = Credentials.None },
        };
        SetIfPresent(spec, "model", parse.GetValue(flags.Model));
        SetIfPresent(spec, "branch", parse.GetValue(flags.Branch));
        SetIfPresent(spec, "image", AbsoluteIfLocal(parse.GetValue(flags.Image)));
        if (parse.GetValue(flags.DependsOn) is { Length: > 0 } dependsOn)
        {
            spec["dependsOn"] = new JsonArray([.. dependsOn.Select(d => JsonValue.Create(d))]);
        }

        if (parse.GetValue(flags.Timeout) is { } timeout)
        {
            spec["podOverrides"] = new JsonObject { ["activeDeadlineSeconds"] = DurationText.ParseSeconds(timeout) };
        }

        var documents = new List<JsonObject>();
        var workspace = parse.GetValue(flags.Workspace);
        if (parse.GetValue(flags.Repo) is { } repo)
        {
            if (workspace is not null)
            {
                throw new CliException("give --workspace or --repo, not both");
            }

            repo = AbsoluteIfLocal(repo)!;
            workspace = "repo-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(repo)))[..10];
            documents.Add(Document(ResourceKinds.Workspace, workspace, new JsonObject { ["repo"] = repo }));
        }

        if (workspace is not null)
        {
            spec["workspaceRef"] = new JsonObject { ["name"] = workspace };
        }

        documents.Add(Document(ResourceKinds.Task, name, spec));
        var text = string.Join("\n---\n", documents.Select(d => d.ToJsonString()));
        var result = ResourceLoader.LoadText(text, "kelos run flags");
        if (!result.Ok)
        {
            foreach (var error in result.Errors)
            {
                console.Error.WriteLine($"{error.Path}: {error.Message}");
            }

            throw new CliException("the flags do not make a valid Task");
        }

        return result.Resources.Select(r => r.Resource).ToList();
    }

    private static JsonObject Document(string kind, string name, JsonObject spec) => new()
    {
        ["apiVersion"] = ResourceKinds.V1Alpha1,
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = spec,
    };

    private static string GeneratedName() =>
        string.Create(CultureInfo.InvariantCulture, $"run-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}");

    /// <summary>Local paths given on the command line are taken relative to the current directory.</summary>
    private static string? AbsoluteIfLocal(string? value) =>
        value is not null && (value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith("../", StringComparison.Ordinal) || Directory.Exists(value) || File.Exists(value))
            ? Path.GetFullPath(value)
            : value;

    private static void SetIfPresent(JsonObject spec, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            spec[key] = value;
        }
    }
}
