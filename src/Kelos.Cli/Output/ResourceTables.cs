using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Core.Text;

namespace Kelos.Cli.Output;

/// <summary>The table columns of each kind (those of the cluster's printer columns, plus what helps locally).</summary>
public static class ResourceTables
{
    public static Table For(IReadOnlyList<KelosResource> items)
    {
        var first = items.Count == 0 ? null : items[0];
        return first switch
        {
            KelosTask => Tasks(items.Cast<KelosTask>()),
            Workspace => Workspaces(items.Cast<Workspace>()),
            AgentConfig => AgentConfigs(items.Cast<AgentConfig>()),
            TaskSpawner => Spawners(items.Cast<TaskSpawner>()),
            _ => new Table("NAME"),
        };
    }

    private static Table Tasks(IEnumerable<KelosTask> tasks)
    {
        var table = new Table("NAME", "TYPE", "PHASE", "BRANCH", "DEPENDS ON", "AGE", "MESSAGE");
        foreach (var t in tasks)
        {
            var branch = t.Spec.WorkspaceRef is null ? "" : TaskBranch.Of(t);
            table.Add(t.Name, t.Spec.Type, t.Status?.Phase ?? TaskPhase.Pending, branch, string.Join(",", t.Spec.DependsOn ?? []), Age.Since(t.Metadata.CreationTimestamp), t.Status?.Message);
        }

        return table;
    }

    private static Table Workspaces(IEnumerable<Workspace> workspaces)
    {
        var table = new Table("NAME", "REPO", "REF", "AGE");
        foreach (var w in workspaces)
        {
            table.Add(w.Name, w.Spec.Repo, w.Spec.Ref ?? "(default)", Age.Since(w.Metadata.CreationTimestamp));
        }

        return table;
    }

    private static Table AgentConfigs(IEnumerable<AgentConfig> configs)
    {
        var table = new Table("NAME", "AGENTS.MD", "PLUGINS", "SKILLS", "MCP SERVERS", "AGE");
        foreach (var c in configs)
        {
            table.Add(
                c.Name,
                c.Spec.AgentsMd is null ? "-" : $"{c.Spec.AgentsMd.Length} chars",
                (c.Spec.Plugins?.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
                (c.Spec.Skills?.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(",", c.Spec.McpServers?.Select(s => s.Name) ?? []),
                Age.Since(c.Metadata.CreationTimestamp));
        }

        return table;
    }

    private static Table Spawners(IEnumerable<TaskSpawner> spawners)
    {
        var table = new Table("NAME", "SOURCE", "PHASE", "TASKS", "AGE");
        foreach (var s in spawners)
        {
            var w = s.Spec.When;
            var source = w.GitHubWebhook is not null ? "githubWebhook" : w.GitHubIssues is not null ? "githubIssues"
                : w.GitHubPullRequests is not null ? "githubPullRequests" : w.Cron is not null ? $"cron {w.Cron.Schedule}" : "";
            var phase = s.Spec.Suspend == true ? "Suspended" : s.Status?.Phase ?? "Pending";
            table.Add(s.Name, source, phase, (s.Status?.TotalTasksCreated ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), Age.Since(s.Metadata.CreationTimestamp));
        }

        return table;
    }
}
