using Kelos.Core.Loading;

namespace Kelos.Core.Tests.Loading;

public class BrokenFileTests
{
    [Fact]
    public void LoadPath_FileWithManyMistakes_ReportsEveryOneInOrder()
    {
        var path = TestFiles.Path("invalid", "broken.yaml");

        var result = ResourceLoader.LoadPath(path);

        Assert.Empty(result.Resources);
        string[] expected =
        [
            "broken.yaml:5:9: metadata.name: invalid name \"Build_Step\": use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters",
            "broken.yaml:7:9: spec.type: unsupported agent type \"claude\": must be one of claude-code, codex, gemini, opencode, cursor",
            "broken.yaml:9:3: spec.credentials.secretRef: missing required field \"secretRef\" (credentials of type api-key need a Secret)",
            "broken.yaml:11:3: spec.agentConfigRef: agentConfigRef was removed in kelos.dev/v1alpha2; use agentConfigRefs (a list)",
            "broken.yaml:13:25: spec.dependsOn[1]: duplicate dependency \"scaffold\"",
            "broken.yaml:14:28: spec.ttlSecondsAfterFinished: expected integer, got string",
            "broken.yaml:17:15: spec.podOverrides.env[0].name: environment variable \"GH_TOKEN\" is set by Kelos and cannot be overridden",
            "broken.yaml:20:15: spec.podOverrides.extraInitContainers[0].name: container name \"branch-setup\" is reserved for a Kelos init container",
            "broken.yaml:30:13: spec.remotes[0].name: remote name \"origin\" is reserved for the cloned repository",
            "broken.yaml:33:13: spec.files[0].path: path \"/etc/profile\" must be relative to the clone: an absolute path would write outside it",
            "broken.yaml:35:3: spec.setupComand: unknown field \"setupComand\"; did you mean \"setupCommand\"?",
            "broken.yaml:39:23: YAML syntax error: While parsing a flow sequence, did not find expected ',' or ']'.",
        ];
        Assert.Equal(expected, result.Errors.Select(e => e with { File = Path.GetFileName(e.File) }).Select(e => e.ToString()));
    }
}
