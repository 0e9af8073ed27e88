using Kelos.Core.Loading;

namespace Kelos.Core.Tests.Loading;

public class DocumentTests
{
    private const string ValidTask = """
        apiVersion: kelos.dev/v1alpha1
        kind: Task
        metadata:
          name: ok
        spec:
          type: codex
          prompt: hi
          credentials: {type: none}
        """;

    [Fact]
    public void ToString_WithPath_IsFileLineColumnPathMessage()
    {
        var error = new ValidationError("a.yaml", 3, 5, "spec.type", "bad");

        Assert.Equal("a.yaml:3:5: spec.type: bad", error.ToString());
    }

    [Fact]
    public void ToString_WithoutPath_IsFileLineColumnMessage()
    {
        Assert.Equal("a.yaml:1:2: bad", new ValidationError("a.yaml", 1, 2, "", "bad").ToString());
    }

    [Fact]
    public void LoadText_SyntaxError_ReportsLineAndColumn()
    {
        LoadAssert.SingleError(
            """
            apiVersion: kelos.dev/v1alpha1
            kind: Task
            metadata:
              name: a: b
            """,
            4,
            10,
            "",
            "YAML syntax error");
    }

    [Fact]
    public void LoadText_SyntaxErrorInOneDocument_OtherDocumentsStillChecked()
    {
        var result = LoadAssert.Load("""
            apiVersion: kelos.dev/v1alpha1
            kind: Task
            metadata: {name: [unclosed
            ---
            apiVersion: kelos.dev/v1alpha1
            kind: Task
            metadata:
              name: Bad_Name
            spec:
              type: codex
              prompt: hi
              credentials: {type: none}
            """);

        Assert.Empty(result.Resources);
        Assert.Equal(2, result.Errors.Count);
        LoadAssert.At(result.Errors[0], 3, 27, "", "YAML syntax error");
        LoadAssert.At(result.Errors[1], 8, 9, "metadata.name", "invalid name \"Bad_Name\"");
    }

    [Fact]
    public void LoadText_MultiDocumentWithOneBadDocument_YieldsNoResources()
    {
        var result = LoadAssert.Load(ValidTask + "\n---\n" + ValidTask.Replace("name: ok", "name: ok2", StringComparison.Ordinal)
            .Replace("type: codex", "type: copilot", StringComparison.Ordinal));

        Assert.False(result.Ok);
        Assert.Empty(result.Resources);
        LoadAssert.At(Assert.Single(result.Errors), 15, 9, "spec.type", "unsupported agent type \"copilot\"");
    }

    [Fact]
    public void LoadText_EmptyDocumentsAndComments_AreSkipped()
    {
        var result = LoadAssert.Load("# header\n---\n---\n# nothing here\n---\n" + ValidTask + "\n---\n...\n");

        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(6, Assert.Single(result.Resources).Line);
    }

    [Fact]
    public void LoadText_EmptyText_LoadsNothingWithoutErrors()
    {
        var result = LoadAssert.Load("");

        Assert.True(result.Ok);
        Assert.Empty(result.Resources);
    }

    [Fact]
    public void LoadText_DuplicateKey_IsReported()
    {
        LoadAssert.SingleError(
            """
            apiVersion: kelos.dev/v1alpha1
            kind: Task
            kind: Workspace
            """,
            3,
            1,
            "",
            "duplicate key \"kind\"");
    }

    [Fact]
    public void LoadText_DocumentIsAList_IsReported()
    {
        LoadAssert.SingleError("- a\n- b\n", 1, 1, "", "a resource must be a map with apiVersion, kind, metadata and spec; got list");
    }

    [Fact]
    public void LoadText_UnknownKind_NamesSupportedKindsAndSuggests()
    {
        var error = LoadAssert.SingleError(
            """
            apiVersion: kelos.dev/v1alpha1
            kind: task
            metadata: {name: x}
            """,
            2,
            7,
            "kind",
            "unknown kind \"task\" (supported: Task, Workspace, AgentConfig, TaskSpawner, Secret)");

        Assert.EndsWith("did you mean \"Task\"?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_KelosKindWithWrongApiVersion_NamesSupportedVersions()
    {
        var result = LoadAssert.Load(ValidTask.Replace("kelos.dev/v1alpha1", "kelos.dev/v1", StringComparison.Ordinal));

        LoadAssert.At(
            Assert.Single(result.Errors),
            1,
            13,
            "apiVersion",
            "apiVersion \"kelos.dev/v1\" is not supported for kind Task (supported: kelos.dev/v1alpha1, kelos.dev/v1alpha2)");
    }

    [Fact]
    public void LoadText_SecretWithKelosApiVersion_NeedsV1()
    {
        LoadAssert.SingleError(
            """
            apiVersion: kelos.dev/v1alpha1
            kind: Secret
            metadata: {name: s}
            """,
            1,
            13,
            "apiVersion",
            "(supported: v1)");
    }

    [Fact]
    public void LoadText_MissingKindAndApiVersion_ReportsBoth()
    {
        var result = LoadAssert.Load("metadata: {name: x}\n");

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Path == "kind" && e.Message == "missing required field \"kind\"" && e.Line == 1);
        Assert.Contains(result.Errors, e => e.Path == "apiVersion" && e.Message == "missing required field \"apiVersion\"");
    }
}
