namespace Kelos.Benchmarks.Load;

/// <summary>CPU time so far of the processes a step is run against, when known: the server and the broker.</summary>
internal sealed record CpuProbes(Func<TimeSpan>? Server, Func<TimeSpan>? Broker);
