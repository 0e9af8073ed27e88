using Kelos.Core.Resources;
using static Kelos.Runtime.Kubernetes.Tests.JobFixture;

namespace Kelos.Runtime.Kubernetes.Tests;

public sealed class TaskSecretBuilderTests
{
    [Fact]
    public void Build_WorkspaceWithSecret_SkeletonOwnedByTheTaskWithTheTokenKey()
    {
        var (job, secret) = Builder(Task());

        Assert.NotNull(secret);
        Assert.Equal("fix-bug-github-token", secret.Metadata.Name);
        Assert.Equal("team-a", secret.Metadata.NamespaceProperty);
        Assert.Equal(["token"], secret.StringData.Keys);
        Assert.Equal("", secret.StringData["token"]);
        var owner = Assert.Single(secret.Metadata.OwnerReferences);
        Assert.Equal(("Task", "fix-bug", true), (owner.Kind, owner.Name, owner.Controller));
        Assert.Equal(secret.Metadata.Name, job.Spec.Template.Spec.Volumes.Single(v => v.Name == "kelos-github-token").Secret.SecretName);
    }

    [Fact]
    public void Build_WorkspaceWithoutSecret_NoSecretAndNoTokenInThePod()
    {
        var input = Input(Task());
        input.Workspace!.Spec.SecretRef = null;

        Assert.Null(TaskSecretBuilder.Build(input));
        var job = TaskJobBuilder.Build(input);
        Assert.DoesNotContain(job.Spec.Template.Spec.Volumes, v => v.Secret is not null);
        Assert.DoesNotContain("credential.helper", job.Spec.Template.Spec.InitContainers[0].Command[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_McpServerWithSecretHeaders_JsonComesFromTheTaskSecret()
    {
        var input = Input(Task());
        input.AgentConfig!.McpServers[0].HeadersFrom = new SecretSource { SecretRef = new NameReference { Name = "docs-auth" } };

        var secret = TaskSecretBuilder.Build(input)!;
        var mcp = Env(Agent(TaskJobBuilder.Build(input)), "KELOS_MCP_SERVERS");

        Assert.Contains("mcp-servers", secret.StringData.Keys);
        Assert.Null(mcp.Value);
        Assert.Equal(("fix-bug-github-token", "mcp-servers"), (mcp.ValueFrom.SecretKeyRef.Name, mcp.ValueFrom.SecretKeyRef.Key));
        var json = McpServersJson.Build(input.AgentConfig, name => name == "docs-auth"
            ? new Secret { StringData = new() { ["Authorization"] = "Bearer abc" } }
            : null);
        Assert.Equal("""{"mcpServers":{"docs":{"type":"http","url":"https://mcp.example.com","headers":{"Authorization":"Bearer abc"}}}}""", json);
    }
}
