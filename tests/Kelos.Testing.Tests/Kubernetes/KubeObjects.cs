using System.Text;
using k8s.Models;

namespace Kelos.Testing.Tests.Kubernetes;

/// <summary>Objects the stand-in tests send, shaped like what Kelos's controller will send.</summary>
internal static class KubeObjects
{
    public const string Namespace = "kelos";

    public static V1Job Job(string name, int backoffLimit = 0, IDictionary<string, string>? labels = null, bool withInit = false) => new()
    {
        ApiVersion = "batch/v1",
        Kind = "Job",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, Labels = labels ?? new Dictionary<string, string> { ["kelos.dev/task"] = name } },
        Spec = new V1JobSpec
        {
            BackoffLimit = backoffLimit,
            ActiveDeadlineSeconds = 3600,
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["kelos.dev/task"] = name } },
                Spec = new V1PodSpec
                {
                    RestartPolicy = "Never",
                    InitContainers = withInit ? [new V1Container { Name = "git-clone", Image = "alpine/git" }] : null,
                    Containers = [new V1Container { Name = "kelos-agent", Image = "kelos/claude-code:latest", Args = ["Fix the bug"] }],
                },
            },
        },
    };

    public static V1Secret Secret(string name, string token) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        StringData = new Dictionary<string, string> { ["GITHUB_TOKEN"] = token },
    };

    public static TaskResource KelosTask(string name, string prompt = "Fix the bug") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Spec = new TaskResourceSpec { Type = "claude-code", Prompt = prompt },
    };

    public static V1Lease Lease(string name, string holder) => new()
    {
        ApiVersion = "coordination.k8s.io/v1",
        Kind = "Lease",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Spec = new V1LeaseSpec { HolderIdentity = holder, LeaseDurationSeconds = 15, AcquireTime = DateTime.UtcNow, RenewTime = DateTime.UtcNow },
    };

    public static string Decode(byte[] data) => Encoding.UTF8.GetString(data);
}
