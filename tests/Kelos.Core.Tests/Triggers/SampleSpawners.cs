using k8s.Models;
using Kelos.Core.Resources;

namespace Kelos.Core.Tests.Triggers;

/// <summary>TaskSpawners for the Task-building tests.</summary>
internal static class SampleSpawners
{
    public static TaskSpawner FixCommand() => new()
    {
        ApiVersion = ResourceKinds.V1Alpha1,
        Kind = ResourceKinds.TaskSpawner,
        Metadata = new V1ObjectMeta { Name = "fix-command", NamespaceProperty = "team-a" },
        Spec = new TaskSpawnerSpec
        {
            When = new SpawnerSources
            {
                GitHubWebhook = new GitHubWebhookSource { Events = ["issue_comment"] },
            },
            TaskTemplate = new TaskTemplate
            {
                Type = AgentTypes.ClaudeCode,
                Credentials = new Credentials { Type = Credentials.ApiKey, SecretRef = new NameReference { Name = "anthropic" } },
                Model = "opus",
                Effort = "high",
                Image = "ghcr.io/acme/claude-agent:1",
                WorkspaceRef = new NameReference { Name = "web" },
                AgentConfigRefs = [new NameReference { Name = "conventions" }],
                DependsOn = ["scaffold"],
                UpstreamRepo = "upstream/web",
                TtlSecondsAfterFinished = 3600,
                PodOverrides = new PodOverrides { ActiveDeadlineSeconds = 1800 },
                PodFailurePolicy = new V1PodFailurePolicy
                {
                    Rules = [new V1PodFailurePolicyRule { Action = "FailJob", OnExitCodes = new V1PodFailurePolicyOnExitCodesRequirement { OperatorProperty = "In", Values = [42] } }],
                },
                Branch = "kelos/issue-{{ issue.number }}",
                PromptTemplate = "{{ comment_author }} asked on #{{ number }} ({{ title }}){{ if command }}: {{ command.text }}{{ end }}",
                Metadata = new TemplateMetadata
                {
                    Labels = new() { ["team"] = "web", [KelosAnnotations.SpawnerLabel] = "spoofed" },
                    Annotations = new() { ["owner"] = "platform" },
                },
            },
        },
    };
}
