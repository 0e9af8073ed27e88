using Kelos.Core.Resources;

namespace Kelos.Core.Loading.Rules;

/// <summary>Rules for an AgentConfig: MCP servers complete and uniquely named; plugin, skill and agent names safe as paths.</summary>
internal static class AgentConfigRules
{
    public static void Check(AgentConfig config, RuleContext context)
    {
        CheckMcpServers(config.Spec.McpServers, context);
        CheckPlugins(config.Spec.Plugins, context);
    }

    private static void CheckMcpServers(List<McpServerSpec>? servers, RuleContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (servers?.Count ?? 0); i++)
        {
            var server = servers![i];
            var path = $"spec.mcpServers[{i}]";
            if (server.Name.Length > 0 && !seen.Add(server.Name))
            {
                context.Error($"{path}.name", $"duplicate MCP server name \"{server.Name}\"");
            }

            if (server.Type == "stdio" && string.IsNullOrEmpty(server.Command))
            {
                context.ErrorAtKey($"{path}.command", "missing required field \"command\" (a stdio server is started as a command)");
            }

            if (server.Type is "http" or "sse")
            {
                CheckUrl(server, path, context);
            }

            if (server.HeadersFrom is not null)
            {
                Names.CheckSubdomain(context, $"{path}.headersFrom.secretRef.name", server.HeadersFrom.SecretRef.Name, "Secret name");
            }

            if (server.EnvFrom is not null)
            {
                Names.CheckSubdomain(context, $"{path}.envFrom.secretRef.name", server.EnvFrom.SecretRef.Name, "Secret name");
            }
        }
    }

    private static void CheckUrl(McpServerSpec server, string path, RuleContext context)
    {
        if (string.IsNullOrEmpty(server.Url))
        {
            context.ErrorAtKey($"{path}.url", $"missing required field \"url\" (an {server.Type} server is reached at a URL)");
        }
        else if (!Uri.TryCreate(server.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            context.Error($"{path}.url", $"url \"{server.Url}\" is not an http:// or https:// URL");
        }
    }

    private static void CheckPlugins(List<PluginSpec>? plugins, RuleContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (plugins?.Count ?? 0); i++)
        {
            var plugin = plugins![i];
            var path = $"spec.plugins[{i}]";
            CheckSegment(plugin.Name, $"{path}.name", "plugin", seen, context);
            CheckNamedContents(plugin.Skills, $"{path}.skills", "skill", context);
            CheckNamedContents(plugin.Agents, $"{path}.agents", "agent", context);
        }
    }

    private static void CheckNamedContents(List<NamedContent>? items, string path, string what, RuleContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            CheckSegment(items![i].Name, $"{path}[{i}].name", what, seen, context);
        }
    }

    private static void CheckSegment(string name, string path, string what, HashSet<string> seen, RuleContext context)
    {
        if (name.Length == 0)
        {
            return;
        }

        if (!Names.IsPathSegment(name))
        {
            context.Error(path, $"invalid {what} name \"{name}\": it becomes a directory or file name; {Names.PathSegmentRule}");
        }
        else if (!seen.Add(name))
        {
            context.Error(path, $"duplicate {what} name \"{name}\"");
        }
    }
}
