using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.GitHub.Reporting;
using Kelos.Runtime.Local.State;

namespace Kelos.GitHub.Tests.Reporting;

/// <summary>The reporter's record kept in the Task's annotations (cluster mode): written, read back, only for the same Task.</summary>
public sealed class AnnotationReportStateTests : IDisposable
{
    private readonly StateDirectory _dir = new(Directory.CreateTempSubdirectory("kelos-annotations-").FullName);

    [Fact]
    public void Save_ThenFind_GivesTheRecordBack_AsAnnotations_StatusUntouched()
    {
        _dir.EnsureCreated();
        var store = new FileResourceStore(_dir, TimeProvider.System);
        store.Create(new KelosTask { ApiVersion = ResourceKinds.V1Alpha1, Kind = ResourceKinds.Task, Metadata = new() { Name = "t" }, Spec = new TaskSpec { Type = "claude-code", Prompt = "x" } });
        var task = store.Find<KelosTask>("t")!;
        var state = new AnnotationReportState(store);

        state.Save("t", task.Metadata.Uid, new ReportRecord(CommentId: 42, ReportedPhase: "Running", CheckRunId: 7, Finalized: true));

        Assert.Equal(new ReportRecord(42, "Running", null, 7, null, true), state.Find("t", task.Metadata.Uid));
        var stored = store.Find<KelosTask>("t")!;
        Assert.Equal("42", stored.Annotation(ReportingAnnotations.CommentId));
        Assert.Null(stored.Status);
        Assert.Equal(new ReportRecord(), state.Find("t", "another-uid"));
    }

    public void Dispose() => Directory.Delete(_dir.Root, recursive: true);
}
