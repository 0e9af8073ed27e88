namespace Kelos.Runtime.Kubernetes.Tests;

/// <summary>Waits for something the controller does in the background; the limit only keeps a broken test from hanging.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<T> Get<T>(Func<T?> probe, string what) where T : class
    {
        var deadline = DateTime.UtcNow + Limit;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException($"gave up waiting for {what}");
    }

    public static Task True(Func<bool> probe, string what) => Get(() => probe() ? "" : null, what);
}
