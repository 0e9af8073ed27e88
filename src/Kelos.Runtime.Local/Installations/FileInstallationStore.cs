using System.Globalization;
using System.Text.Json;
using Kelos.Core.Installations;
using Kelos.Runtime.Local.State;

namespace Kelos.Runtime.Local.Installations;

/// <summary>
/// Installations in the state directory: <c>installations/ID.json</c>, one file per installation, written
/// atomically under <c>installations/installations.lock</c> (flock, shared with every <c>kelos</c> process), so
/// <c>kelos get installations</c> can read while the server writes.
/// </summary>
public sealed class FileInstallationStore : IInstallationStore
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string _directory;

    public FileInstallationStore(StateDirectory state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _directory = Path.Combine(state.Root, "installations");
    }

    public IReadOnlyList<InstallationRecord> List()
    {
        if (!Directory.Exists(_directory))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(_directory, "*.json").Select(Read).OfType<InstallationRecord>().OrderBy(r => r.Id)];
    }

    public InstallationRecord? Find(long id) => Read(FileOf(id));

    public InstallationRecord? Update(long id, Func<InstallationRecord?, InstallationRecord?> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Directory.CreateDirectory(_directory);
        using var held = FileLock.Acquire(Path.Combine(_directory, "installations.lock"), LockTimeout);
        var current = Find(id);
        var next = change(current);
        if (next is null || ReferenceEquals(next, current))
        {
            return current;
        }

        if (next.Id != id)
        {
            throw new ArgumentException($"The change for installation {id} returned installation {next.Id}.", nameof(change));
        }

        AtomicFile.WriteAllText(FileOf(id), JsonSerializer.Serialize(next, Json) + "\n");
        return next;
    }

    private string FileOf(long id) => Path.Combine(_directory, id.ToString(CultureInfo.InvariantCulture) + ".json");

    /// <summary>The record in <paramref name="path"/>; null when there is none or it is not one (a foreign file is skipped, not fatal).</summary>
    private static InstallationRecord? Read(string path)
    {
        try
        {
            // A missing member arrives as null despite the record's types: such a file is not a record either.
            var record = JsonSerializer.Deserialize<InstallationRecord>(File.ReadAllText(path), Json);
            return record is { Account: not null, AccountType: not null, RepositorySelection: not null, Repositories: not null } ? record : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }
}
