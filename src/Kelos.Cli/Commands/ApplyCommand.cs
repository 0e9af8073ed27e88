using System.CommandLine;
using Kelos.Core.Resources;
using Kelos.Core.Store;
using Kelos.Runtime.Local.State;

namespace Kelos.Cli.Commands;

/// <summary>
/// <c>kelos apply -f FILE|DIR [--kubeconfig PATH]</c>: create or update resources, in the state directory or on a cluster;
/// all or nothing when a file has errors.
/// </summary>
public static class ApplyCommand
{
    public static Command Create(CliConsole console)
    {
        var file = FileOption.Create("File or directory of YAML to apply");
        var cluster = new ClusterOptions();
        var command = cluster.AddTo(new Command("apply", "Create or update resources from YAML (Tasks, Workspaces, AgentConfigs, TaskSpawners, Secrets)") { file });
        command.SetAction(async (parse, _) =>
        {
            var resources = ResourceFiles.Load(parse.GetRequiredValue(file), console);
            await using var connection = cluster.Connect(parse);
            var outcomes = connection is null
                ? new FileResourceStore(CommonOptions.State(parse), TimeProvider.System).Apply(resources)
                : connection.Run(() => connection.Store.Apply(resources));
            for (var i = 0; i < resources.Count; i++)
            {
                console.Out.WriteLine($"{Describe(resources[i])} {outcomes[i].ToString().ToLowerInvariant()}");
            }

            return 0;
        });
        return command;
    }

    public static string Describe(KelosResource resource) => resource.Kind == ResourceKinds.Secret
        ? $"secret/{resource.Name}"
        : $"{resource.Kind.ToLowerInvariant()}.{ResourceKinds.Group}/{resource.Name}";
}
