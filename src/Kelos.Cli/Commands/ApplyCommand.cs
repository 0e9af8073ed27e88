using System.CommandLine;
using Kelos.Core.Resources;
using Kelos.Core.Store;
using Kelos.Runtime.Local.State;

namespace Kelos.Cli.Commands;

/// <summary><c>kelos apply -f FILE|DIR</c>: create or update resources; all or nothing when a file has errors.</summary>
public static class ApplyCommand
{
    public static Command Create(CliConsole console)
    {
        var file = FileOption.Create("File or directory of YAML to apply");
        var command = new Command("apply", "Create or update resources from YAML (Tasks, Workspaces, AgentConfigs, TaskSpawners, Secrets)") { file };
        command.SetAction(parse =>
        {
            var resources = ResourceFiles.Load(parse.GetRequiredValue(file), console);
            var store = new FileResourceStore(CommonOptions.State(parse), TimeProvider.System);
            var outcomes = store.Apply(resources);
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
