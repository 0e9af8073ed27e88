using System.Globalization;
using System.Text.Json.Nodes;

namespace Kelos.Cli.Tests;

/// <summary><c>kelos get installations</c> on a state directory holding what <c>kelos serve</c> records.</summary>
public sealed class GetInstallationsTests : IDisposable
{
    private readonly KelosCli _kelos = new();

    [Fact]
    public async Task GetInstallations_SeededStateDir_Table()
    {
        var now = DateTimeOffset.UtcNow;
        Seed(1001, "acme", "Organization", "selected", ["acme/gadgets", "acme/widgets"], suspended: false, now.AddDays(-3), removed: null);
        Seed(1002, "alice", "User", "all", ["alice/dotfiles", "alice/blog"], suspended: true, now.AddDays(-2).AddHours(-1), removed: null);
        Seed(1003, "umbrella", "Organization", "selected", [], suspended: false, now.AddDays(-10), removed: now.AddDays(-1));

        var result = await _kelos.RunAsync("get", "installations");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            [
                "ID     ACCOUNT    TYPE           REPOSITORIES      STATUS      AGE",
                "1001   acme       Organization   gadgets,widgets   Active      3d",
                "1002   alice      User           all (2)           Suspended   2d",
                "1003   umbrella   Organization   -                 Removed     10d",
            ],
            result.StandardOutput.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task GetInstallation_ByAccountAsJson_OneObject()
    {
        Seed(1001, "acme", "Organization", "selected", ["acme/widgets"], suspended: false, DateTimeOffset.UtcNow, removed: null);

        var result = await _kelos.RunAsync("get", "installation", "acme", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var installation = JsonNode.Parse(result.StandardOutput)!;
        Assert.Equal(1001, installation["id"]!.GetValue<long>());
        Assert.Equal("Active", installation["status"]!.GetValue<string>());
        Assert.Equal("acme/widgets", installation["repositories"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task GetInstallations_Yaml_ListsThem()
    {
        Seed(1001, "acme", "Organization", "selected", ["acme/widgets"], suspended: false, DateTimeOffset.UtcNow, removed: null);

        var result = await _kelos.RunAsync("get", "installations", "-o", "yaml");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("- id: 1001", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("  account: acme", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetInstallations_NoneRecorded_SaysSo()
    {
        var result = await _kelos.RunAsync("get", "installations");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("No resources found.", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task GetInstallation_Unknown_OneLineError()
    {
        var result = await _kelos.RunAsync("get", "installation", "4711");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: installation \"4711\" not found", result.StandardError.Trim());
    }

    /// <summary>Writes an installation as the state directory holds it: <c>installations/ID.json</c>.</summary>
    private void Seed(
        long id, string account, string type, string selection, string[] repositories, bool suspended, DateTimeOffset created, DateTimeOffset? removed)
    {
        var record = new JsonObject
        {
            ["id"] = id,
            ["account"] = account,
            ["accountType"] = type,
            ["repositorySelection"] = selection,
            ["repositories"] = new JsonArray([.. repositories.Select(r => JsonValue.Create(r))]),
            ["suspended"] = suspended,
            ["createdAt"] = created,
            ["updatedAt"] = removed ?? created,
            ["removedAt"] = removed,
        };
        var path = Path.Combine(_kelos.StateDir, "installations", id.ToString(CultureInfo.InvariantCulture) + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, record.ToJsonString());
    }

    public void Dispose() => _kelos.Dispose();
}
