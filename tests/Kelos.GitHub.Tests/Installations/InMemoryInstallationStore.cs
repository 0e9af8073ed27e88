using Kelos.Core.Installations;

namespace Kelos.GitHub.Tests.Installations;

/// <summary>An <see cref="IInstallationStore"/> in memory that counts its writes, to show what a redelivery changes.</summary>
public sealed class InMemoryInstallationStore : IInstallationStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, InstallationRecord> _records = [];

    public int Writes { get; private set; }

    public IReadOnlyList<InstallationRecord> List()
    {
        lock (_gate)
        {
            return [.. _records.Values.OrderBy(r => r.Id)];
        }
    }

    public InstallationRecord? Find(long id)
    {
        lock (_gate)
        {
            return _records.GetValueOrDefault(id);
        }
    }

    public InstallationRecord? Update(long id, Func<InstallationRecord?, InstallationRecord?> change)
    {
        lock (_gate)
        {
            var current = _records.GetValueOrDefault(id);
            var next = change(current);
            if (next is null || ReferenceEquals(next, current))
            {
                return current;
            }

            _records[id] = next;
            Writes++;
            return next;
        }
    }
}
