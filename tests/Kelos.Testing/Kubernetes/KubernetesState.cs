namespace Kelos.Testing.Kubernetes;

/// <summary>
/// Everything the stand-in holds. The store's lock (<see cref="Gate"/>) guards all of it: the objects, the recorded
/// calls, the knobs and the pod logs.
/// </summary>
internal sealed class KubernetesState : IDisposable
{
    public KubernetesState(KubernetesStandInOptions options)
    {
        Store = new ObjectStore(options);
        Logs = new PodLogs(Store);
        if (options.RunJobController)
        {
            Store.Observe(new JobController(Store).OnChange);
        }
    }

    public ObjectStore Store { get; }

    public Lock Gate => Store.Gate;

    public PodLogs Logs { get; }

    public CallKnobs Knobs { get; } = new();

    public List<KubernetesCall> Calls { get; } = [];

    public Uri BaseUrl { get; set; } = new("http://127.0.0.1/");

    /// <summary>Cancelled when the stand-in stops: open watches and followed logs end.</summary>
    public CancellationTokenSource Stopping { get; } = new();

    public void Dispose() => Stopping.Dispose();
}
