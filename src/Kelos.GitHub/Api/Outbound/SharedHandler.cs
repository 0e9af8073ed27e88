namespace Kelos.GitHub.Api.Outbound;

/// <summary>
/// The end of every connection's handler chain: lends it the factory's one primary handler (and so one connection
/// pool) without letting the chain dispose it. The factory disposes the primary handler.
/// </summary>
internal sealed class SharedHandler(HttpMessageHandler primary) : HttpMessageHandler
{
    private readonly HttpMessageInvoker _invoker = new(primary, disposeHandler: false);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.SendAsync(request, cancellationToken);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.Send(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _invoker.Dispose();
        }

        base.Dispose(disposing);
    }
}
