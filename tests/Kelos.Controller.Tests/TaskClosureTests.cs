using Kelos.Controller.Scheduling;
using static Kelos.Controller.Tests.TaskBuilder;

namespace Kelos.Controller.Tests;

public class TaskClosureTests
{
    [Fact]
    public void Of_Chain_TaskAndEveryDependency()
    {
        var tasks = new[] { Task("a", 1), Task("b", 2, dependsOn: ["a"]), Task("c", 3, dependsOn: ["b"]), Task("other", 4) };

        Assert.Equal(new HashSet<string> { "a", "b", "c" }, TaskClosure.Of("c", tasks));
    }

    [Fact]
    public void Of_CycleOrMissingDependency_Terminates()
    {
        var tasks = new[] { Task("a", 1, dependsOn: ["b"]), Task("b", 2, dependsOn: ["a", "ghost"]) };

        Assert.Equal(new HashSet<string> { "a", "b", "ghost" }, TaskClosure.Of("a", tasks));
    }
}
