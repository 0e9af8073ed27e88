using Kelos.Core.Pipelines;

namespace Kelos.Core.Tests.Pipelines;

public class DependencyGraphTests
{
    private static Dictionary<string, IReadOnlyList<string>> Graph(params (string Node, string[] Edges)[] nodes) =>
        nodes.ToDictionary(n => n.Node, n => (IReadOnlyList<string>)n.Edges, StringComparer.Ordinal);

    [Fact]
    public void FindCycle_NoCycle_ReturnsNull()
    {
        var graph = Graph(("a", []), ("b", ["a"]), ("c", ["a", "b"]));

        Assert.Null(DependencyGraph.FindCycle(graph));
    }

    [Fact]
    public void FindCycle_TwoNodes_ReturnsTheLoopClosed()
    {
        var graph = Graph(("a", ["b"]), ("b", ["a"]));

        Assert.Equal(["a", "b", "a"], DependencyGraph.FindCycle(graph));
    }

    [Fact]
    public void FindCycle_CycleBehindAnAcyclicStart_ReturnsOnlyTheCycle()
    {
        var graph = Graph(("start", ["x"]), ("x", ["y"]), ("y", ["z"]), ("z", ["x"]));

        Assert.Equal(["x", "y", "z", "x"], DependencyGraph.FindCycle(graph));
    }

    [Fact]
    public void FindCycle_SelfLoop_IsACycle()
    {
        Assert.Equal(["a", "a"], DependencyGraph.FindCycle(Graph(("a", ["a"]))));
    }

    [Fact]
    public void FindCycle_EdgeToUnknownNode_IsIgnored()
    {
        Assert.Null(DependencyGraph.FindCycle(Graph(("a", ["missing"]), ("b", ["a"]))));
    }

    [Fact]
    public void FindCycle_DiamondWithoutCycle_ReturnsNull()
    {
        var graph = Graph(("top", ["left", "right"]), ("left", ["bottom"]), ("right", ["bottom"]), ("bottom", []));

        Assert.Null(DependencyGraph.FindCycle(graph));
    }

    [Fact]
    public void Describe_Cycle_JoinsWithArrows()
    {
        Assert.Equal("a → b → c → a", DependencyGraph.Describe(["a", "b", "c", "a"]));
    }
}
