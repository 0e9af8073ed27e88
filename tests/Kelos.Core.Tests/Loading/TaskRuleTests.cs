using Kelos.Core.Loading;

namespace Kelos.Core.Tests.Loading;

public class TaskRuleTests
{
    /// <summary>A valid Task; tests append lines under <c>spec:</c> from line 10.</summary>
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
    public void LoadText_MissingName_ReportedAtMetadata()
    {
        LoadAssert.SingleError(
            Task.Replace("  name: t\n", "  labels: {a: b}\n", StringComparison.Ordinal),
            3,
            1,
            "metadata.name",
            "missing required field \"name\"");
    }

    [Fact]
    public void LoadText_InvalidName_SaysWhatIsAllowed()
    {
        LoadAssert.SingleError(
            Task.Replace("name: t", "name: Fix_Bug", StringComparison.Ordinal),
            4,
            9,
            "metadata.name",
            "invalid name \"Fix_Bug\": use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters");
    }

    [Fact]
    public void LoadText_NameLongerThan253_IsInvalid()
    {
        var name = new string('a', 254);

        LoadAssert.SingleError(Task.Replace("name: t", $"name: {name}", StringComparison.Ordinal), 4, 9, "metadata.name", "at most 253 characters");
    }

    [Fact]
    public void LoadText_MissingType_ReportedAtSpec()
    {
        LoadAssert.SingleError(
            Task.Replace("  type: codex\n", "", StringComparison.Ordinal),
            5,
            1,
            "spec.type",
            "missing required field \"type\" (one of claude-code, codex, gemini, opencode, cursor)");
    }

    [Fact]
    public void LoadText_WorkerWithoutType_ReportedAtWorker()
    {
        LoadAssert.SingleError(
            """
            apiVersion: kelos.dev/v1alpha2
            kind: Task
            metadata:
              name: t
            spec:
              prompt: hi
              worker:
                credentials: {type: none}
            """,
            7,
            3,
            "spec.worker.type",
            "missing required field \"type\"");
    }

    [Fact]
    public void LoadText_UnknownType_ListsAgentTypes()
    {
        LoadAssert.SingleError(
            Task.Replace("type: codex", "type: copilot", StringComparison.Ordinal),
            6,
            9,
            "spec.type",
            "unsupported agent type \"copilot\": must be one of claude-code, codex, gemini, opencode, cursor");
    }

    [Fact]
    public void LoadText_MissingCredentials_ReportedAtSpec()
    {
        LoadAssert.SingleError(
            Task.Replace("  credentials:\n    type: none\n", "", StringComparison.Ordinal),
            5,
            1,
            "spec.credentials",
            "missing required field \"credentials\"");
    }

    [Fact]
    public void LoadText_ApiKeyWithoutSecretRef_IsReported()
    {
        LoadAssert.SingleError(
            Task.Replace("type: none", "type: api-key", StringComparison.Ordinal),
            8,
            3,
            "spec.credentials.secretRef",
            "missing required field \"secretRef\" (credentials of type api-key need a Secret)");
    }

    [Fact]
    public void LoadText_WorkerAndFlatFields_EachFlatFieldIsReported()
    {
        var result = LoadAssert.Load("""
            apiVersion: kelos.dev/v1alpha2
            kind: Task
            metadata:
              name: t
            spec:
              type: codex
              prompt: hi
              model: gpt
              worker:
                type: codex
                credentials: {type: none}
            """);

        Assert.Empty(result.Resources);
        Assert.Equal(2, result.Errors.Count);
        LoadAssert.At(result.Errors[0], 6, 3, "spec.type", "use either worker or the flat fields, not both");
        LoadAssert.At(result.Errors[1], 8, 3, "spec.model", "use either worker or the flat fields, not both");
    }

    [Fact]
    public void LoadText_SingleAgentConfigRefInV1Alpha2_SaysUseTheList()
    {
        LoadAssert.SingleError(
            Task.Replace("v1alpha1", "v1alpha2", StringComparison.Ordinal) + "  agentConfigRef:\n    name: c\n",
            10,
            3,
            "spec.agentConfigRef",
            "agentConfigRef was removed in kelos.dev/v1alpha2; use agentConfigRefs (a list)");
    }

    [Fact]
    public void LoadText_AgentConfigRefAndRefs_IsReported()
    {
        LoadAssert.SingleError(
            Task + "  agentConfigRef: {name: a}\n  agentConfigRefs: [{name: b}]\n",
            10,
            3,
            "spec.agentConfigRef",
            "use either agentConfigRef or agentConfigRefs, not both");
    }

    [Fact]
    public void LoadText_InvalidReferenceName_IsReported()
    {
        LoadAssert.SingleError(Task + "  workspaceRef: {name: My.Repo}\n", 10, 24, "spec.workspaceRef.name", "invalid Workspace name \"My.Repo\"");
    }

    [Fact]
    public void LoadText_BadDependsOnEntries_EachIsReported()
    {
        var result = LoadAssert.Load(Task + "  dependsOn: [a, t, a, B]\n");

        Assert.Equal(3, result.Errors.Count);
        LoadAssert.At(result.Errors[0], 10, 18, "spec.dependsOn[1]", "a Task cannot depend on itself (\"t\")");
        LoadAssert.At(result.Errors[1], 10, 21, "spec.dependsOn[2]", "duplicate dependency \"a\"");
        LoadAssert.At(result.Errors[2], 10, 24, "spec.dependsOn[3]", "invalid Task name \"B\"");
    }

    [Fact]
    public void LoadText_PromptTemplateThatDoesNotCompile_IsReportedWhenDependsOnIsSet()
    {
        LoadAssert.SingleError(
            Task.Replace("prompt: hi", "prompt: \"{{ if }}\"", StringComparison.Ordinal) + "  dependsOn: [a]\n",
            7,
            11,
            "spec.prompt",
            "template does not compile: line 1, column");
    }

    [Fact]
    public void LoadText_PromptWithBracesButNoDependsOn_IsPlainText()
    {
        LoadAssert.Single<Kelos.Core.Resources.KelosTask>(Task.Replace("prompt: hi", "prompt: \"{{ if }}\"", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadText_ReservedEnvironmentVariable_IsRejected()
    {
        var result = LoadAssert.Load(Task + """
              podOverrides:
                env:
                  - name: FOO
                    value: ok
                  - name: KELOS_MODEL
                    value: x
                  - name: ANTHROPIC_API_KEY
                    value: y
            """);

        Assert.Equal(2, result.Errors.Count);
        LoadAssert.At(result.Errors[0], 14, 15, "spec.podOverrides.env[1].name", "environment variable \"KELOS_MODEL\" is set by Kelos and cannot be overridden");
        LoadAssert.At(result.Errors[1], 16, 15, "spec.podOverrides.env[2].name", "\"ANTHROPIC_API_KEY\" is set by Kelos");
    }

    [Theory]
    [InlineData("extraContainers", "kelos-agent", "names starting with \"kelos-\" belong to Kelos")]
    [InlineData("extraInitContainers", "kelos-setup", "names starting with \"kelos-\" belong to Kelos")]
    [InlineData("extraInitContainers", "git-clone", "is reserved for a Kelos init container")]
    [InlineData("extraContainers", "skills-install", "is reserved for a Kelos init container")]
    public void LoadText_ReservedContainerName_IsRejected(string field, string name, string message)
    {
        LoadAssert.SingleError(
            Task + $"  podOverrides:\n    {field}:\n      - name: {name}\n        image: busybox\n",
            12,
            15,
            $"spec.podOverrides.{field}[0].name",
            message);
    }

    [Theory]
    [InlineData("workspace")]
    [InlineData("kelos-plugin")]
    public void LoadText_ReservedVolumeName_IsRejected(string name)
    {
        LoadAssert.SingleError(
            Task + $"  podOverrides:\n    volumes:\n      - name: {name}\n        emptyDir: {{}}\n",
            12,
            15,
            "spec.podOverrides.volumes[0].name",
            $"volume name \"{name}\" is reserved by Kelos");
    }

    [Fact]
    public void ReservedNames_EnvironmentVariables_HoldKelosGitHubAndCredentialNames()
    {
        string[] expected =
        [
            "KELOS_AGENT_TYPE", "KELOS_MODEL", "KELOS_EFFORT", "KELOS_BRANCH", "KELOS_BASE_BRANCH", "KELOS_UPSTREAM_REPO",
            "KELOS_AGENTS_MD", "KELOS_PLUGIN_DIR", "KELOS_MCP_SERVERS", "KELOS_SETUP_COMMAND", "KELOS_TASK_NAME",
            "KELOS_GITHUB_TOKEN_FILE", "GITHUB_TOKEN", "GH_TOKEN", "GH_ENTERPRISE_TOKEN", "GH_HOST", "ANTHROPIC_API_KEY",
            "CLAUDE_CODE_OAUTH_TOKEN", "CODEX_API_KEY", "CODEX_AUTH_JSON", "GEMINI_API_KEY", "OPENCODE_API_KEY", "CURSOR_API_KEY",
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), ReservedNames.EnvironmentVariables.Order(StringComparer.Ordinal));
    }
}
