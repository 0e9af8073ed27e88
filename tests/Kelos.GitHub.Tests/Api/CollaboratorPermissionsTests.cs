using Kelos.GitHub.Api;

namespace Kelos.GitHub.Tests.Api;

public sealed class CollaboratorPermissionsTests
{
    [Theory]
    [InlineData("admin", RepositoryRole.Admin)]
    [InlineData("maintain", RepositoryRole.Maintain)]
    [InlineData("write", RepositoryRole.Write)]
    [InlineData("triage", RepositoryRole.Triage)]
    [InlineData("read", RepositoryRole.Read)]
    [InlineData("none", RepositoryRole.None)]
    public async Task GetAsync_Role_IsParsed(string role, RepositoryRole expected)
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        harness.GitHub.SetCollaborator(GitHubAppHarness.Repository, "alice", role);

        Assert.Equal(expected, await harness.Permissions.GetAsync(harness.Installation.Id, "acme", "widgets", "alice"));
    }

    [Fact]
    public async Task GetAsync_NotACollaborator_IsNone()
    {
        await using var harness = await GitHubAppHarness.StartAsync();

        Assert.Equal(RepositoryRole.None, await harness.Permissions.GetAsync(harness.Installation.Id, "acme", "widgets", "mallory"));
    }

    [Fact]
    public async Task GetAsync_AskedAgain_IsCachedForFiveMinutes()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        harness.GitHub.SetCollaborator(GitHubAppHarness.Repository, "alice", "write");
        const string path = "/repos/acme/widgets/collaborators/alice/permission";

        await harness.Permissions.GetAsync(harness.Installation.Id, "acme", "widgets", "alice");
        harness.GitHub.SetCollaborator(GitHubAppHarness.Repository, "alice", "read");
        harness.Time.Advance(TimeSpan.FromMinutes(4));
        var cached = await harness.Permissions.GetAsync(harness.Installation.Id, "acme", "widgets", "ALICE");
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var fresh = await harness.Permissions.GetAsync(harness.Installation.Id, "acme", "widgets", "alice");

        Assert.Equal(RepositoryRole.Write, cached);
        Assert.Equal(RepositoryRole.Read, fresh);
        Assert.Equal(2, harness.CallsTo("GET", path));
    }

    [Fact]
    public async Task IsTeamMemberAsync_ActivePendingAndAbsent()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        harness.GitHub.AddTeamMember("acme", "maintainers", "alice");
        harness.GitHub.AddTeamMember("acme", "maintainers", "bob", pending: true);

        Assert.True(await harness.Permissions.IsTeamMemberAsync(harness.Installation.Id, "acme", "maintainers", "alice"));
        Assert.False(await harness.Permissions.IsTeamMemberAsync(harness.Installation.Id, "acme", "maintainers", "bob"));
        Assert.False(await harness.Permissions.IsTeamMemberAsync(harness.Installation.Id, "acme", "maintainers", "mallory"));
        Assert.False(await harness.Permissions.IsTeamMemberAsync(harness.Installation.Id, "acme", "maintainers", "mallory"));
        Assert.Equal(1, harness.CallsTo("GET", "/orgs/acme/teams/maintainers/memberships/mallory"));
    }

    [Theory]
    [InlineData("Admin", RepositoryRole.Admin)]
    [InlineData("custom-reviewer", null)]
    [InlineData(null, null)]
    public void Parse_Name_GivesRole(string? name, RepositoryRole? expected)
    {
        Assert.Equal(expected, CollaboratorPermissions.Parse(name));
    }
}
