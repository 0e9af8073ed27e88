using Kelos.Core.Resources;

namespace Kelos.Core.Tests.Loading;

public class WorkspaceRuleTests
{
    /// <summary>A valid Workspace; tests append lines under <c>spec:</c> from line 7.</summary>
    private const string Workspace = """
        apiVersion: kelos.dev/v1alpha1
        kind: Workspace
        metadata:
          name: w
        spec:
          repo: https://github.com/a/b.git

        """;

    [Theory]
    [InlineData("https://github.com/acme/web.git")]
    [InlineData("http://git.internal/acme/web")]
    [InlineData("git://git.internal/acme/web")]
    [InlineData("ssh://git@github.com/acme/web.git")]
    [InlineData("git@github.com:acme/web.git")]
    [InlineData("https://x-access-token@github.com/acme/web.git")]
    [InlineData("file:///srv/git/web")]
    [InlineData("/srv/git/web")]
    [InlineData("./web")]
    [InlineData("../web")]
    public void LoadText_SupportedRepo_Loads(string repo)
    {
        var workspace = LoadAssert.Single<Workspace>(Workspace.Replace("https://github.com/a/b.git", repo, StringComparison.Ordinal));

        Assert.Equal(repo, workspace.Spec.Repo);
    }

    [Theory]
    [InlineData("github.com/acme/web")]
    [InlineData("ftp://example.com/web.git")]
    [InlineData("web")]
    [InlineData("https://")]
    public void LoadText_UnsupportedRepo_SaysWhatIsAccepted(string repo)
    {
        LoadAssert.SingleError(
            Workspace.Replace("https://github.com/a/b.git", $"\"{repo}\"", StringComparison.Ordinal),
            6,
            9,
            "spec.repo",
            $"repo \"{repo}\" is not a clone URL or local path: use an https://, http://, git://, ssh:// or file:// URL, git@host:owner/repo, or a local path");
    }

    [Fact]
    public void LoadText_RemoteNamedOrigin_IsReserved()
    {
        LoadAssert.SingleError(
            Workspace + "  remotes:\n    - name: origin\n      url: https://github.com/x/y.git\n",
            8,
            13,
            "spec.remotes[0].name",
            "remote name \"origin\" is reserved for the cloned repository");
    }

    [Fact]
    public void LoadText_DuplicateRemoteNames_AreReported()
    {
        LoadAssert.SingleError(
            Workspace + "  remotes:\n    - {name: up, url: ../a}\n    - {name: up, url: ../b}\n",
            9,
            14,
            "spec.remotes[1].name",
            "duplicate remote name \"up\"");
    }

    [Theory]
    [InlineData("/etc/passwd", "must be relative to the clone")]
    [InlineData("docs/../../escape", "must not contain a \"..\" segment: it could write outside the clone")]
    [InlineData(".git/hooks/pre-commit", "is inside .git/: writing there could change git's configuration or add hooks that run code")]
    [InlineData("vendor/lib/.git/config", "is inside .git/")]
    [InlineData("", "must not be empty")]
    [InlineData("./", "names the clone itself")]
    public void LoadText_UnsafeFilePath_SaysWhy(string path, string message)
    {
        LoadAssert.SingleError(
            Workspace + $"  files:\n    - path: \"{path}\"\n      content: x\n",
            8,
            13,
            "spec.files[0].path",
            message);
    }

    [Fact]
    public void LoadText_SetupCommandWithEmptyEntry_IsReported()
    {
        LoadAssert.SingleError(Workspace + "  setupCommand: [make, \"\"]\n", 7, 24, "spec.setupCommand[1]", "setupCommand entries must not be empty");
    }

    [Fact]
    public void LoadText_EmptySetupCommand_IsReported()
    {
        LoadAssert.SingleError(Workspace + "  setupCommand: []\n", 7, 3, "spec.setupCommand", "setupCommand must not be empty");
    }
}
