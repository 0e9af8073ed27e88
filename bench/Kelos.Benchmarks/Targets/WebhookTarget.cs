namespace Kelos.Benchmarks.Targets;

/// <summary>Where deliveries go, the secret they are signed with, and the server process when this tool started it.</summary>
internal sealed record WebhookTarget(Uri Endpoint, byte[] Key, ChildServer? Server) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
