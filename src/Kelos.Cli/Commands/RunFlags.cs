using System.CommandLine;

namespace Kelos.Cli.Commands;

/// <summary>The flags of <c>kelos run</c> that describe a Task without a file.</summary>
public sealed class RunFlags
{
    public Option<string?> File { get; } = FileOption.Create("A YAML file with the Task (and any Workspace, AgentConfig or Secret it needs)", required: false)!;
    public Option<string?> Prompt { get; } = new("--prompt", "-p") { Description = "What the agent should do" };
    public Option<string?> Type { get; } = new("--type", "-t") { Description = "Agent type: claude-code, codex, gemini, opencode, cursor", DefaultValueFactory = _ => "claude-code" };
    public Option<string?> Workspace { get; } = new("--workspace") { Description = "Name of a Workspace to clone" };
    public Option<string?> Repo { get; } = new("--repo") { Description = "A git URL or local path to clone (creates a Workspace for it)" };
    public Option<string?> Branch { get; } = new("--branch") { Description = "Branch to work on (default: kelos/<task name>)" };
    public Option<string?> Model { get; } = new("--model") { Description = "Model for the agent" };
    public Option<string?> Image { get; } = new("--image") { Description = "A custom agent (an executable in embedded mode) that follows the agent interface" };
    public Option<string?> Secret { get; } = new("--secret") { Description = "Secret holding the agent's credential (api-key)" };
    public Option<string[]> DependsOn { get; } = new("--depends-on") { Description = "Tasks that must succeed first", AllowMultipleArgumentsPerToken = true };
    public Option<string?> Timeout { get; } = new("--timeout") { Description = "Stop the agent after this long (e.g. 600, 90s, 10m, 1h)" };
    public Option<string?> Name { get; } = new("--name") { Description = "Task name (default: generated)" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { File, Prompt, Type, Workspace, Repo, Branch, Model, Image, Secret, DependsOn, Timeout, Name })
        {
            command.Add(option);
        }
    }
}
