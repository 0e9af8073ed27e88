using k8s;

namespace Kelos.Testing.Tests.Kubernetes;

/// <summary>
/// Reads a watch as a controller's watch loop does, until it has <c>count</c> events or the stream ends. The client
/// opens a watch only once its first line arrives, so tests start this before making the changes.
/// </summary>
internal static class Watches
{
    /// <summary>Long enough never to matter, short enough that a broken watch fails the test instead of hanging it.</summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(30);

    public static Task<(List<(WatchEventType Type, T Object)> Events, List<Exception> Errors)> CollectAsync<T>(
        Func<Action<Exception>, CancellationToken, IAsyncEnumerable<(WatchEventType, T)>> open,
        int count = int.MaxValue) =>
        Task.Run(async () =>
        {
            using var patience = new CancellationTokenSource(Patience);
            var events = new List<(WatchEventType, T)>();
            var errors = new List<Exception>();
            await foreach (var (type, item) in open(errors.Add, patience.Token))
            {
                events.Add((type, item));
                if (events.Count == count)
                {
                    break;
                }
            }

            return (events, errors);
        });
}
