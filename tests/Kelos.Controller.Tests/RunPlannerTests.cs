using Kelos.Controller.Scheduling;
using Kelos.Core.Resources;
using static Kelos.Controller.Tests.TaskBuilder;

namespace Kelos.Controller.Tests;

public class RunPlannerTests
{
    private static readonly HashSet<string> NoneRunning = [];

    private static TaskDecision DecisionFor(string name, IReadOnlyList<KelosTask> tasks, IReadOnlySet<string>? running = null, int maxParallel = 4) =>
        RunPlanner.Plan(tasks, running ?? NoneRunning, maxParallel).Single(d => d.TaskName == name);

    [Fact]
    public void Plan_NoDependencies_Starts()
    {
        var decision = DecisionFor("a", [Task("a", 1)]);

        Assert.Equal(TaskAction.Start, decision.Action);
    }

    [Fact]
    public void Plan_DependencyMissing_WaitsNamingIt()
    {
        var decision = DecisionFor("b", [Task("b", 1, dependsOn: ["a"])]);

        Assert.Equal(new TaskDecision("b", TaskAction.Wait, "Waiting for dependency \"a\""), decision);
    }

    [Fact]
    public void Plan_DependencyRunning_Waits()
    {
        var decision = DecisionFor("b", [Task("a", 1, TaskPhase.Running), Task("b", 2, dependsOn: ["a"])], new HashSet<string> { "a" });

        Assert.Equal(TaskAction.Wait, decision.Action);
        Assert.Equal("Waiting for dependency \"a\"", decision.Message);
    }

    [Fact]
    public void Plan_DependencySucceeded_Starts()
    {
        var decision = DecisionFor("b", [Task("a", 1, TaskPhase.Succeeded), Task("b", 2, dependsOn: ["a"])]);

        Assert.Equal(TaskAction.Start, decision.Action);
    }

    [Theory]
    [InlineData(TaskPhase.Failed)]
    [InlineData(TaskPhase.Cancelled)]
    public void Plan_DependencyFailedOrCancelled_FailsNamingIt(string phase)
    {
        var decision = DecisionFor("b", [Task("a", 1, phase), Task("b", 2, dependsOn: ["a"])]);

        Assert.Equal(new TaskDecision("b", TaskAction.Fail, "Dependency \"a\" failed"), decision);
    }

    [Fact]
    public void Plan_FailureDownTheChain_FailsEachInTurn()
    {
        // c waits on b; once b has failed (its own decision, applied), c fails too.
        var tasks = new[] { Task("a", 1, TaskPhase.Failed), Task("b", 2, TaskPhase.Failed), Task("c", 3, dependsOn: ["b"]) };

        Assert.Equal(new TaskDecision("c", TaskAction.Fail, "Dependency \"b\" failed"), DecisionFor("c", tasks));
    }

    [Fact]
    public void Plan_Cycle_FailsEveryMemberWithThePath()
    {
        var tasks = new[] { Task("a", 1, dependsOn: ["c"]), Task("b", 2, dependsOn: ["a"]), Task("c", 3, dependsOn: ["b"]), Task("d", 4, dependsOn: ["a"]) };

        var plan = RunPlanner.Plan(tasks, NoneRunning, 4);

        foreach (var name in new[] { "a", "b", "c" })
        {
            var decision = plan.Single(d => d.TaskName == name);
            Assert.Equal(TaskAction.Fail, decision.Action);
            Assert.StartsWith("Circular dependency detected: ", decision.Message, StringComparison.Ordinal);
            Assert.Contains("a", decision.Message, StringComparison.Ordinal);
            Assert.Contains("c", decision.Message, StringComparison.Ordinal);
        }

        Assert.Equal(TaskAction.Wait, plan.Single(d => d.TaskName == "d").Action);
    }

    [Fact]
    public void Plan_BranchHeldByRunningTask_WaitsNamingHolder()
    {
        var tasks = new[] { Task("first", 1, TaskPhase.Running, workspace: "ws", branch: "feature"), Task("second", 2, workspace: "ws", branch: "feature") };

        var decision = DecisionFor("second", tasks, new HashSet<string> { "first" });

        Assert.Equal(new TaskDecision("second", TaskAction.Wait, "Waiting for branch \"feature\" (locked by first)"), decision);
    }

    [Fact]
    public void Plan_DeletedTask_NeverStartsAndHoldsItsBranchOnlyWhileItsRunStops()
    {
        var deleted = Task("deleted", 1, TaskPhase.Running, workspace: "ws", branch: "feature");
        deleted.Metadata.DeletionTimestamp = DateTime.UtcNow;
        var tasks = new[] { deleted, Task("next", 2, workspace: "ws", branch: "feature") };

        var whileStopping = RunPlanner.Plan(tasks, new HashSet<string> { "deleted" }, 4);
        var afterwards = RunPlanner.Plan(tasks, NoneRunning, 4);

        Assert.Equal([new TaskDecision("next", TaskAction.Wait, "Waiting for branch \"feature\" (locked by deleted)")], whileStopping);
        Assert.Equal([new TaskDecision("next", TaskAction.Start, "")], afterwards);
    }

    [Fact]
    public void Plan_TwoReadyTasksOnOneBranch_OlderStartsNewerWaits()
    {
        var tasks = new[] { Task("newer", 5, workspace: "ws", branch: "feature"), Task("older", 2, workspace: "ws", branch: "feature") };

        var plan = RunPlanner.Plan(tasks, NoneRunning, 4);

        Assert.Equal(TaskAction.Start, plan.Single(d => d.TaskName == "older").Action);
        Assert.Equal("Waiting for branch \"feature\" (locked by older)", plan.Single(d => d.TaskName == "newer").Message);
    }

    [Fact]
    public void Plan_SameBranchOtherWorkspace_NoLock()
    {
        var tasks = new[] { Task("one", 1, workspace: "ws1", branch: "feature"), Task("two", 2, workspace: "ws2", branch: "feature") };

        var plan = RunPlanner.Plan(tasks, NoneRunning, 4);

        Assert.All(plan, d => Assert.Equal(TaskAction.Start, d.Action));
    }

    [Fact]
    public void Plan_DefaultBranches_AreDistinctPerTask()
    {
        var tasks = new[] { Task("one", 1, workspace: "ws"), Task("two", 2, workspace: "ws") };

        var plan = RunPlanner.Plan(tasks, NoneRunning, 4);

        Assert.All(plan, d => Assert.Equal(TaskAction.Start, d.Action));
    }

    [Fact]
    public void Plan_SlotsFull_WaitsSayingSo()
    {
        var tasks = new[] { Task("a", 1), Task("b", 2), Task("c", 3) };

        var plan = RunPlanner.Plan(tasks, NoneRunning, maxParallel: 2);

        Assert.Equal([TaskAction.Start, TaskAction.Start, TaskAction.Wait], plan.Select(d => d.Action));
        Assert.Equal("Waiting for a free slot (2 of 2 Tasks running)", plan[2].Message);
    }

    [Fact]
    public void Plan_CancelRequested_CancelsWithRequester()
    {
        var task = Task("a", 1, dependsOn: ["missing"]);
        task.Metadata.Annotations = new Dictionary<string, string> { [KelosAnnotations.CancelRequestedBy] = "alice" };

        Assert.Equal(new TaskDecision("a", TaskAction.Cancel, "alice"), DecisionFor("a", [task]));
    }

    [Fact]
    public void Plan_FinishedAndRunningTasks_AreLeftAlone()
    {
        var tasks = new[] { Task("done", 1, TaskPhase.Succeeded), Task("busy", 2, TaskPhase.Running) };

        Assert.Empty(RunPlanner.Plan(tasks, new HashSet<string> { "busy" }, 4));
    }
}
