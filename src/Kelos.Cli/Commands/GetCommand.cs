using System.CommandLine;
using System.Text.Json.Nodes;
using Kelos.Cli.Output;
using Kelos.Core.Resources;
using Kelos.Core.Store;
using Kelos.Runtime.Local.Installations;
using Kelos.Runtime.Local.State;

namespace Kelos.Cli.Commands;

/// <summary>
/// <c>kelos get tasks|task NAME|workspaces|agentconfigs|taskspawners [-o table|yaml|json]</c>. JSON and YAML
/// print whole resources with their status; a list prints as a Kubernetes <c>List</c>. Secrets are never shown.
/// With <c>--kubeconfig</c> the resources come from that cluster (<see cref="ClusterOptions"/>), printed the same way.
/// <c>kelos get installations</c> shows where the GitHub App is installed (<see cref="GetInstallations"/>).
/// </summary>
public static class GetCommand
{
    public static Command Create(CliConsole console)
    {
        var kind = new Argument<string>("kind") { Description = "tasks, workspaces, agentconfigs, taskspawners (singular with a NAME) or installations" };
        var name = new Argument<string?>("name") { Arity = ArgumentArity.ZeroOrOne, Description = "One resource by name" };
        var output = OutputFormat.Create();
        var cluster = new ClusterOptions();
        var command = cluster.AddTo(new Command("get", "Show resources") { kind, name, output });
        command.SetAction(async (parse, _) =>
        {
            if (GetInstallations.Matches(parse.GetRequiredValue(kind)))
            {
                var installations = new FileInstallationStore(CommonOptions.State(parse));
                GetInstallations.Print(installations, parse.GetValue(name), parse.GetValue(output)!, console.Out, TimeProvider.System.GetUtcNow());
                return 0;
            }

            var resolved = ResourceKinds.FromUserInput(parse.GetRequiredValue(kind));
            if (resolved is null or ResourceKinds.Secret)
            {
                throw new CliException($"unknown resource type \"{parse.GetValue(kind)}\"; use tasks, workspaces, agentconfigs or taskspawners");
            }

            await using var connection = cluster.Connect(parse);
            var items = connection is null
                ? List(new FileResourceStore(CommonOptions.State(parse), TimeProvider.System), resolved)
                : connection.Run(() => List(connection.Store, resolved));
            if (parse.GetValue(name) is { } wanted)
            {
                items = items.Where(i => i.Name == wanted).ToList();
                if (items.Count == 0)
                {
                    throw new CliException($"{resolved.ToLowerInvariant()} \"{wanted}\" not found");
                }
            }

            Print(items, parse.GetValue(name) is not null, parse.GetValue(output)!, console.Out);
            return 0;
        });
        return command;
    }

    private static List<KelosResource> List(IResourceStore store, string kind) => kind switch
    {
        ResourceKinds.Task => [.. store.List<KelosTask>()],
        ResourceKinds.Workspace => [.. store.List<Workspace>()],
        ResourceKinds.AgentConfig => [.. store.List<AgentConfig>()],
        _ => [.. store.List<TaskSpawner>()],
    };

    private static void Print(List<KelosResource> items, bool single, string format, TextWriter output)
    {
        if (format == "table")
        {
            ResourceTables.For(items).Write(output);
            return;
        }

        var json = single ? ResourceJson.Serialize(items[0]) : ListJson(items);
        output.WriteLine(format == "json" ? JsonNode.Parse(json)!.ToJsonString(new() { WriteIndented = true }) : YamlText.FromJson(json).TrimEnd());
    }

    private static string ListJson(List<KelosResource> items) => new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "List",
        ["items"] = new JsonArray([.. items.Select(i => JsonNode.Parse(ResourceJson.Serialize(i)))]),
    }.ToJsonString();
}
