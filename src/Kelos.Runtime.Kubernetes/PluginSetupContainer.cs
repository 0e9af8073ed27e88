using System.Text;
using k8s.Models;
using Kelos.Core.Resources;

namespace Kelos.Runtime.Kubernetes;

/// <summary>
/// The <c>plugin-setup</c> init container: lays the merged AgentConfig's plugins out in the <c>kelos-plugin</c>
/// volume as <c>&lt;plugin&gt;/skills/&lt;skill&gt;/SKILL.md</c> and <c>&lt;plugin&gt;/agents/&lt;name&gt;.md</c>;
/// the entrypoint finds them through <c>KELOS_PLUGIN_DIR</c>.
/// </summary>
internal static class PluginSetupContainer
{
    public static V1Container Create(TaskJobInput input)
    {
        var lines = new List<string>();
        for (var p = 0; p < input.AgentConfig!.Plugins.Count; p++)
        {
            var plugin = input.AgentConfig.Plugins[p];
            var dir = $"{PodLayout.PluginDir}/{PathPart(plugin.Name, "plugin")}";
            lines.Add($"mkdir -p {ShellText.Quote(dir)}");
            foreach (var skill in plugin.Skills ?? [])
            {
                lines.AddRange(Write($"{dir}/skills/{PathPart(skill.Name, "skill")}", "SKILL.md", skill));
            }

            foreach (var agent in plugin.Agents ?? [])
            {
                lines.AddRange(Write($"{dir}/agents", PathPart(agent.Name, "agent") + ".md", agent));
            }
        }

        return InitContainer.Create(
            input,
            PodLayout.PluginSetupContainer,
            lines,
            withToken: false,
            new V1VolumeMount { Name = PodLayout.PluginVolume, MountPath = PodLayout.PluginDir });
    }

    private static IEnumerable<string> Write(string dir, string file, NamedContent content)
    {
        yield return $"mkdir -p {ShellText.Quote(dir)}";
        yield return $"printf '%s' {ShellText.Quote(Convert.ToBase64String(Encoding.UTF8.GetBytes(content.Content)))} | base64 -d > {ShellText.Quote(dir + "/" + file)}";
    }

    private static string PathPart(string name, string what) =>
        name.Length == 0 || name is "." or ".." || name.Contains('/', StringComparison.Ordinal)
            ? throw new TaskJobException("agentConfig.plugins", $"{what} name \"{name}\" is not a single path segment")
            : name;
}
