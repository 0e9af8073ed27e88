using System.Text.Json;
using Kelos.Core.Runtime;

namespace Kelos.Runtime.Local.State;

/// <summary>
/// The reporter's records as files (<c>reports/TASK.json</c> in the state directory), written atomically. Not part of
/// the resource store: a report never bumps the store's generation, so the controller is not woken by reporting.
/// </summary>
public sealed class FileReportState(StateDirectory state) : IReportState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ReportRecord Find(string taskName, string? uid)
    {
        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(PathOf(taskName)), Json);
            return stored is not null && stored.Uid == uid ? stored.Record : new ReportRecord();
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return new ReportRecord();
        }
    }

    public void Save(string taskName, string? uid, ReportRecord record)
    {
        Directory.CreateDirectory(Path.Combine(state.Root, "reports"));
        AtomicFile.WriteAllText(PathOf(taskName), JsonSerializer.Serialize(new Stored(uid, record), Json));
    }

    private string PathOf(string taskName) => Path.Combine(state.Root, "reports", taskName + ".json");

    private sealed record Stored(string? Uid, ReportRecord Record);
}
