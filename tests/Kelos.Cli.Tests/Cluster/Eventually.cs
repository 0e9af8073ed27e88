namespace Kelos.Cli.Tests.Cluster;

/// <summary>Polls what a test waits for; on timeout the failure carries what the role processes printed.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task True(Func<bool> condition, string what, params RoleProcess[] processes)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"waited {Patience.TotalSeconds:0} s for {what}\n" + string.Join("\n", processes.Select(p => $"--- kelos serve --role {p.Role} ---\n{p.Output}")));
            }

            await Task.Delay(50);
        }
    }

    public static async Task<T> Get<T>(Func<T?> read, string what, params RoleProcess[] processes)
        where T : class
    {
        T? value = null;
        await True(() => (value = read()) is not null, what, processes);
        return value!;
    }
}
