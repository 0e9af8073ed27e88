namespace Kelos.Cli.Tests.Cluster;

/// <summary>A role that cannot start says why in one line, naming the flag, file or variable, and exits 1.</summary>
public sealed class ServeRoleErrorTests : IDisposable
{
    private readonly KelosCli _kelos = new();

    public static TheoryData<string[], Dictionary<string, string?>, string> Cases() => new()
    {
        { ["--role", "janitor"], [], "janitor" },
        { ["--role", "controller", "--kubeconfig", "/nonexistent/kubeconfig"], [], "/nonexistent/kubeconfig" },
        { ["--role", "reporter"], new() { ["KELOS_GITHUB_APP_ID"] = null }, "KELOS_GITHUB_APP_ID" },
        { ["--role", "controller", "--config-dir", "."], [], "--config-dir is for embedded mode" },
        { ["--role", "webhook"], new() { ["KELOS_WEBHOOK_SECRET"] = null, ["KELOS_WEBHOOK_SECRET_FILE"] = null }, "KELOS_WEBHOOK_SECRET" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Serve_RoleCannotStart_OneLineNamingWhy(string[] args, Dictionary<string, string?> environment, string named)
    {
        environment["KELOS_RABBITMQ_URL"] = null;
        var result = await _kelos.RunAsync(["serve", .. args, "--urls", "http://127.0.0.1:0"], TimeSpan.FromMinutes(1), environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(named, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _kelos.Dispose();
}
