using Kelos.Core.Resources;

namespace Kelos.Core.Runtime;

/// <summary>
/// A list of AgentConfigs merged in order: <c>agentsMD</c> joined with a blank line, plugins and skills appended,
/// MCP servers appended with a later one replacing an earlier one of the same name.
/// </summary>
public sealed record MergedAgentConfig(
    string? AgentsMd,
    IReadOnlyList<PluginSpec> Plugins,
    IReadOnlyList<SkillPackage> Skills,
    IReadOnlyList<McpServerSpec> McpServers)
{
    public static MergedAgentConfig Merge(IEnumerable<AgentConfig> configs)
    {
        var texts = new List<string>();
        var plugins = new List<PluginSpec>();
        var skills = new List<SkillPackage>();
        var servers = new List<McpServerSpec>();
        foreach (var config in configs)
        {
            if (!string.IsNullOrWhiteSpace(config.Spec.AgentsMd))
            {
                texts.Add(config.Spec.AgentsMd.TrimEnd());
            }

            plugins.AddRange(config.Spec.Plugins ?? []);
            skills.AddRange(config.Spec.Skills ?? []);
            foreach (var server in config.Spec.McpServers ?? [])
            {
                var earlier = servers.FindIndex(s => s.Name == server.Name);
                if (earlier >= 0)
                {
                    servers[earlier] = server;
                }
                else
                {
                    servers.Add(server);
                }
            }
        }

        return new MergedAgentConfig(texts.Count == 0 ? null : string.Join("\n\n", texts), plugins, skills, servers);
    }
}
