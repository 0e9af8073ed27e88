using k8s.Models;
using Kelos.Agents;
using Kelos.Core.Loading;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;

namespace Kelos.Runtime.Kubernetes.Tests;

/// <summary>Builds Jobs from YAML read by the real loader, as users write it.</summary>
internal static class JobFixture
{
    public const string Workspace = """
        apiVersion: kelos.dev/v1alpha1
        kind: Workspace
        metadata:
          name: repo
        spec:
          repo: https://github.com/example/app.git
          ref: main
          secretRef:
            name: github-app
          remotes:
            - name: upstream
              url: https://github.com/upstream/app.git
          files:
            - path: .kelos/notes.md
              content: "it's \"quoted\"\n"
          setupCommand: ["make", "deps"]
        """;

    public const string AgentConfig = """
        apiVersion: kelos.dev/v1alpha1
        kind: AgentConfig
        metadata:
          name: rules
        spec:
          agentsMD: Always run the tests.
          plugins:
            - name: team
              skills:
                - name: review
                  content: Review carefully.
          mcpServers:
            - name: docs
              type: http
              url: https://mcp.example.com
        """;

    public static string Task(string type = "claude-code", string extraSpec = "") => $"""
        apiVersion: kelos.dev/v1alpha1
        kind: Task
        metadata:
          name: fix-bug
          uid: 7d1c3a52-0000-4000-8000-000000000001
          labels:
            kelos.dev/taskspawner: triage
        spec:
          type: {type}
          prompt: "Fix the bug; don't break 'quotes'"
          model: some-model
          effort: high
          credentials:
            type: api-key
            secretRef:
              name: model-key
          workspaceRef:
            name: repo
          agentConfigRefs:
            - name: rules
          branch: fix/bug
          podOverrides:
            activeDeadlineSeconds: 1800
        {extraSpec}
        """;

    public static V1Job Build(string taskYaml, bool withWorkspace = true, bool withAgentConfig = true) => Builder(taskYaml, withWorkspace, withAgentConfig).Job;

    public static (V1Job Job, V1Secret? Secret) Builder(string taskYaml, bool withWorkspace = true, bool withAgentConfig = true)
    {
        var input = Input(taskYaml, withWorkspace, withAgentConfig);
        return (TaskJobBuilder.Build(input), TaskSecretBuilder.Build(input));
    }

    public static TaskJobInput Input(string taskYaml, bool withWorkspace = true, bool withAgentConfig = true)
    {
        var text = string.Join("\n---\n", new[] { taskYaml, withWorkspace ? Workspace : null, withAgentConfig ? AgentConfig : null }.Where(t => t is not null));
        var result = ResourceLoader.LoadText(text, "test.yaml");
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        var resources = result.Resources.Select(r => r.Resource).ToList();
        var task = resources.OfType<KelosTask>().Single();
        var configs = resources.OfType<AgentConfig>().ToList();
        return new TaskJobInput(
            task,
            task.Spec.Prompt,
            resources.OfType<Workspace>().SingleOrDefault(),
            configs.Count == 0 ? null : MergedAgentConfig.Merge(configs),
            AgentAdapters.For(task.Spec.Type!),
            new AgentImages().For(task),
            new AgentImages().GitImage,
            "team-a",
            new AgentImages().IsBundled(task));
    }

    public static V1Container Agent(V1Job job) => job.Spec.Template.Spec.Containers.Single(c => c.Name == "kelos-agent");

    public static V1EnvVar Env(V1Container container, string name) => container.Env.Single(e => e.Name == name);

    public static IEnumerable<V1Container> AllContainers(V1Job job) =>
        (job.Spec.Template.Spec.InitContainers ?? []).Concat(job.Spec.Template.Spec.Containers);
}
