using System.CommandLine;
using k8s;
using Kelos.Agents;
using Kelos.Core.Loading;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Runtime.Kubernetes;
using Kelos.Runtime.Local.State;

namespace Kelos.Cli.Commands;

/// <summary>
/// <c>kelos render job -f task.yaml [-f more.yaml]... [-n NAMESPACE]</c>: prints, as YAML, the per-Task Secret
/// skeleton (when the pod needs one; the controller fills its values) and the Job the controller would create for
/// the Task. The Workspace and AgentConfigs it names are taken from the files given, else from the local state
/// directory (as <c>kelos apply</c> stored them). The prompt is printed as written: a <c>dependsOn</c> template is
/// rendered by the controller when the dependencies have finished.
/// </summary>
public static class RenderJobCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Option<string[]>("--filename", "-f") { Description = "YAML with the Task (and its Workspace, AgentConfigs); repeatable", Required = true };
        var ns = new Option<string?>("--namespace", "-n") { Description = "Namespace of the Job (default: the Task's, else \"default\")" };
        var taskName = new Option<string?>("--task") { Description = "The Task to render when the files hold more than one" };
        var images = new AgentImageOptions();
        var command = new Command("job", "Print the Job (and per-Task Secret) the controller would create for a Task") { files, ns, taskName };
        images.AddTo(command);
        command.SetAction(parse =>
        {
            var loaded = parse.GetRequiredValue(files).SelectMany(f => ResourceFiles.LoadWithFiles(f, console, "nothing was rendered")).ToList();
            var task = PickTask(loaded, parse.GetValue(taskName));
            var state = CommonOptions.State(parse);
            var @namespace = parse.GetValue(ns) ?? ((KelosTask)task.Resource).Metadata.NamespaceProperty ?? "default";
            var input = Input(task, loaded, state, images.Read(parse), @namespace);
            try
            {
                if (TaskSecretBuilder.Build(input) is { } secret)
                {
                    console.Out.WriteLine(KubernetesYaml.Serialize(secret).TrimEnd('\n'));
                    console.Out.WriteLine("---");
                }

                console.Out.WriteLine(KubernetesYaml.Serialize(TaskJobBuilder.Build(input)).TrimEnd('\n'));
            }
            catch (TaskJobException e)
            {
                throw new CliException($"{task.File}:{task.Line}: {e.Message}");
            }

            return 0;
        });
        return command;
    }

    private static LoadedResource PickTask(IReadOnlyList<LoadedResource> loaded, string? name)
    {
        var tasks = loaded.Where(r => r.Resource is KelosTask && (name is null || r.Resource.Name == name)).ToList();
        return tasks.Count switch
        {
            1 => tasks[0],
            0 when name is not null => throw new CliException($"no Task \"{name}\" in the files given"),
            0 => throw new CliException("no Task in the files given"),
            _ => throw new CliException($"{tasks.Count} Tasks in the files given ({string.Join(", ", tasks.Select(t => t.Resource.Name))}); pick one with --task NAME"),
        };
    }

    private static TaskJobInput Input(LoadedResource loadedTask, IReadOnlyList<LoadedResource> loaded, StateDirectory state, AgentImages images, string @namespace)
    {
        var task = (KelosTask)loadedTask.Resource;
        var store = new Lazy<FileResourceStore>(() => new FileResourceStore(state, TimeProvider.System));
        T Find<T>(string name, string field)
            where T : KelosResource =>
            loaded.Select(r => r.Resource).OfType<T>().FirstOrDefault(r => r.Name == name)
            ?? (Directory.Exists(state.Root) ? store.Value.Find<T>(name) : null)
            ?? throw new CliException($"{loadedTask.File}:{loadedTask.Line}: {field}: {typeof(T).Name.Replace("Kelos", "", StringComparison.Ordinal)} \"{name}\" is neither in the files given nor in the state directory {state.Root}");

        var workspace = task.Spec.WorkspaceRef?.Name is { } workspaceName ? Find<Workspace>(workspaceName, "spec.workspaceRef.name") : null;
        var configs = (task.Spec.AgentConfigRefs ?? []).Select((r, i) => Find<AgentConfig>(r.Name, $"spec.agentConfigRefs[{i}].name")).ToList();
        return new TaskJobInput(
            task,
            task.Spec.Prompt,
            workspace,
            configs.Count == 0 ? null : MergedAgentConfig.Merge(configs),
            AgentAdapters.For(task.Spec.Type!),
            images.For(task),
            images.GitImage,
            @namespace,
            images.IsBundled(task));
    }
}
