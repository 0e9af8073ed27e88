using Kelos.Core.Resources;

namespace Kelos.Core.Tests.Loading;

public class SchemaTests
{
    /// <summary>A valid Task; tests append lines under <c>spec:</c> (line 10 onwards, indented two spaces).</summary>
    private const string Task = """
        apiVersion: kelos.dev/v1alpha1
        kind: Task
        metadata:
          name: t
        spec:
          type: codex
          prompt: hi
          credentials:
            type: none

        """;

    [Fact]
    public void LoadText_UnknownFieldCloseToKnown_SuggestsIt()
    {
        LoadAssert.SingleError(Task + "  modle: gpt\n", 10, 3, "spec.modle", "unknown field \"modle\"; did you mean \"model\"?");
    }

    [Fact]
    public void LoadText_UnknownFieldFarFromKnown_ListsKnownFieldsWhenFew()
    {
        LoadAssert.SingleError(
            Task + "  workspaceRef:\n    name: w\n    namespace: x\n",
            12,
            5,
            "spec.workspaceRef.namespace",
            "unknown field \"namespace\" (known fields: name)");
    }

    [Fact]
    public void LoadText_UnknownFieldInKubernetesType_IsReported()
    {
        LoadAssert.SingleError(
            Task + "  podOverrides:\n    env:\n      - name: A\n        valu: b\n",
            13,
            9,
            "spec.podOverrides.env[0].valu",
            "did you mean \"value\"?");
    }

    [Fact]
    public void LoadText_NumberForStringField_AsksForQuotes()
    {
        LoadAssert.SingleError(Task + "  model: 123\n", 10, 10, "spec.model", "expected string, got integer (put the value in quotes: \"123\")");
    }

    [Fact]
    public void LoadText_BooleanForStringField_IsWrongType()
    {
        LoadAssert.SingleError(Task + "  branch: true\n", 10, 11, "spec.branch", "expected string, got boolean");
    }

    [Fact]
    public void LoadText_QuotedNumberForStringField_StaysAString()
    {
        var task = LoadAssert.Single<KelosTask>(Task + "  model: \"123\"\n  effort: !!str 5\n");

        Assert.Equal("123", task.Spec.Model);
        Assert.Equal("5", task.Spec.Effort);
    }

    [Fact]
    public void LoadText_StringForList_IsWrongType()
    {
        LoadAssert.SingleError(Task + "  dependsOn: other\n", 10, 14, "spec.dependsOn", "expected list, got string");
    }

    [Fact]
    public void LoadText_ListForMap_IsWrongType()
    {
        LoadAssert.SingleError(Task + "  podOverrides: [a]\n", 10, 17, "spec.podOverrides", "expected map, got list");
    }

    [Fact]
    public void LoadText_StringForInteger_IsWrongType()
    {
        LoadAssert.SingleError(Task + "  ttlSecondsAfterFinished: soon\n", 10, 28, "spec.ttlSecondsAfterFinished", "expected integer, got string");
    }

    [Fact]
    public void LoadText_FloatForInteger_IsWrongType()
    {
        LoadAssert.SingleError(Task + "  ttlSecondsAfterFinished: 1.5\n", 10, 28, "spec.ttlSecondsAfterFinished", "expected integer, got float");
    }

    [Fact]
    public void LoadText_IntegerTooLargeForInt_IsReported()
    {
        LoadAssert.SingleError(
            Task + "  ttlSecondsAfterFinished: 99999999999\n",
            10,
            28,
            "spec.ttlSecondsAfterFinished",
            "value 99999999999 is too large (at most 2147483647)");
    }

    [Fact]
    public void LoadText_StringForBoolean_IsWrongType()
    {
        LoadAssert.SingleError(
            Task + "  podOverrides:\n    containerSecurityContext:\n      privileged: yes\n",
            12,
            19,
            "spec.podOverrides.containerSecurityContext.privileged",
            "expected boolean, got string");
    }

    [Fact]
    public void LoadText_MissingRequiredField_ReportedAtItsParent()
    {
        LoadAssert.SingleError(
            """
            apiVersion: kelos.dev/v1alpha1
            kind: Workspace
            metadata:
              name: w
            spec:
              ref: main
            """,
            5,
            1,
            "spec.repo",
            "missing required field \"repo\"");
    }

    [Fact]
    public void LoadText_MissingRequiredFieldInListItem_ReportedAtTheItem()
    {
        LoadAssert.SingleError(
            """
            apiVersion: kelos.dev/v1alpha1
            kind: Workspace
            metadata:
              name: w
            spec:
              repo: https://github.com/a/b
              remotes:
                - name: upstream
            """,
            8,
            7,
            "spec.remotes[0].url",
            "missing required field \"url\"");
    }

    [Fact]
    public void LoadText_EmptyRequiredString_IsReported()
    {
        var yaml = Task.Replace("prompt: hi", "prompt: \"\"", StringComparison.Ordinal);

        LoadAssert.SingleError(yaml, 7, 11, "spec.prompt", "\"prompt\" must not be empty");
    }

    [Fact]
    public void LoadText_NullRequiredField_IsMissing()
    {
        LoadAssert.SingleError(
            "apiVersion: kelos.dev/v1alpha1\nkind: Task\nmetadata: {name: t}\nspec:\n",
            1,
            1,
            "spec",
            "missing required field \"spec\"");
    }

    [Fact]
    public void LoadText_ValueOutsideAllowedValues_ListsThem()
    {
        var yaml = Task.Replace("type: none", "type: token", StringComparison.Ordinal);

        LoadAssert.SingleError(yaml, 9, 11, "spec.credentials.type", "unsupported value \"token\": must be one of api-key, oauth, none");
    }

    [Fact]
    public void LoadText_ValueOutsideRange_SaysTheBound()
    {
        LoadAssert.SingleError(
            Task + "  podOverrides:\n    activeDeadlineSeconds: 0\n",
            11,
            28,
            "spec.podOverrides.activeDeadlineSeconds",
            "value 0 is out of range: must be at least 1");
    }

    [Fact]
    public void LoadText_IntOrStringAndQuantity_AcceptStringsAndNumbers()
    {
        var task = LoadAssert.Single<KelosTask>(Task + """
              podOverrides:
                resources:
                  limits: {cpu: 1.5, memory: 512Mi}
                extraContainers:
                  - name: probe
                    livenessProbe:
                      tcpSocket: {port: 9000}
                    readinessProbe:
                      tcpSocket: {port: metrics}
            """);

        var container = task.Spec.PodOverrides!.ExtraContainers![0];
        Assert.Equal("9000", container.LivenessProbe.TcpSocket.Port.Value);
        Assert.Equal("metrics", container.ReadinessProbe.TcpSocket.Port.Value);
        Assert.Equal("512Mi", task.Spec.PodOverrides.Resources!.Limits["memory"].ToString());
    }

    [Fact]
    public void LoadText_InvalidQuantity_IsReported()
    {
        LoadAssert.SingleError(
            Task + "  podOverrides:\n    resources:\n      limits: {memory: lots}\n",
            12,
            24,
            "spec.podOverrides.resources.limits.memory",
            "\"lots\" is not a quantity");
    }

    [Fact]
    public void LoadText_MapValueNotScalar_IsWrongType()
    {
        LoadAssert.SingleError(
            Task.Replace("  name: t\n", "  name: t\n  labels:\n    team: [a, b]\n", StringComparison.Ordinal),
            6,
            11,
            "metadata.labels.team",
            "expected string, got list");
    }

    [Fact]
    public void LoadText_MapKeyWithDots_PathQuotesIt()
    {
        LoadAssert.SingleError(
            Task + "  podOverrides:\n    nodeSelector:\n      kubernetes.io/arch: {}\n",
            12,
            27,
            "spec.podOverrides.nodeSelector[\"kubernetes.io/arch\"]",
            "expected string, got map");
    }

    [Fact]
    public void LoadText_NullListItem_IsWrongType()
    {
        LoadAssert.SingleError(Task + "  dependsOn:\n    - a\n    -\n", 12, 6, "spec.dependsOn[1]", "expected string, got null");
    }

    [Fact]
    public void LoadText_UntypedField_AcceptsAnything()
    {
        var result = LoadAssert.Load("""
            apiVersion: kelos.dev/v1alpha1
            kind: TaskSpawner
            metadata: {name: s}
            spec:
              when:
                slack: {channel: [1, {a: true}]}
              taskTemplate:
                type: codex
                credentials: {type: none}
                promptTemplate: hi
            """);

        LoadAssert.At(Assert.Single(result.Errors), 6, 5, "spec.when.slack", "source slack is not supported by this Kelos");
    }

    [Fact]
    public void LoadText_HexAndOctalIntegers_ArePlainScalarsOfTheCoreSchema()
    {
        var task = LoadAssert.Single<KelosTask>(Task + "  ttlSecondsAfterFinished: 0x10\n  podOverrides: {activeDeadlineSeconds: 0o17}\n");

        Assert.Equal(16, task.Spec.TtlSecondsAfterFinished);
        Assert.Equal(15, task.Spec.PodOverrides!.ActiveDeadlineSeconds);
    }

    [Fact]
    public void LoadText_WindowsLineEndings_LoadWithTheSamePositions()
    {
        var yaml = (Task + "  modle: x\n---\n" + Task.Replace("name: t", "name: u", StringComparison.Ordinal)).Replace("\n", "\r\n", StringComparison.Ordinal);

        LoadAssert.SingleError(yaml, 10, 3, "spec.modle", "did you mean \"model\"?");
    }
}
