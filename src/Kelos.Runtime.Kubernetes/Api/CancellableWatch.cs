using System.Runtime.CompilerServices;

namespace Kelos.Runtime.Kubernetes.Api;

/// <summary>
/// A watch that stops at once when cancelled. KubernetesClient notices cancellation only when the next line
/// arrives, which on a quiet watch is at its <c>timeoutSeconds</c>; a cancel (of a Task, of the controller) must
/// not wait that long. The abandoned read ends with the watch's timeout or the connection.
/// </summary>
internal static class CancellableWatch
{
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> watch, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = watch.GetAsyncEnumerator(cancellationToken);
        var reading = false;
        try
        {
            while (true)
            {
                reading = true;
                if (!await events.MoveNextAsync().AsTask().WaitAsync(cancellationToken))
                {
                    reading = false;
                    yield break;
                }

                reading = false;
                yield return events.Current;
            }
        }
        finally
        {
            // An enumerator cannot be disposed while a read is pending; that read ends on its own.
            if (!reading)
            {
                await events.DisposeAsync();
            }
        }
    }
}
