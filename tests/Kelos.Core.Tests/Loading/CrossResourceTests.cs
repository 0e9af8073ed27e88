namespace Kelos.Core.Tests.Loading;

public class CrossResourceTests
{
    private static string Task(string name, string dependsOn = "[]") => $"""
        apiVersion: kelos.dev/v1alpha1
        kind: Task
        metadata:
          name: {name}
        spec:
          type: codex
          prompt: hi
          credentials: {"{"}type: none{"}"}
          dependsOn: {dependsOn}
        """;

    [Fact]
    public void LoadText_SameKindAndName_ReportedAtTheSecond()
    {
        var result = LoadAssert.Load(Task("a") + "\n---\n" + Task("a"));

        Assert.Empty(result.Resources);
        LoadAssert.At(Assert.Single(result.Errors), 14, 9, "metadata.name", "duplicate Task \"a\": already defined at test.yaml:4:9");
    }

    [Fact]
    public void LoadText_SameNameDifferentKinds_Loads()
    {
        var workspace = "apiVersion: kelos.dev/v1alpha1\nkind: Workspace\nmetadata: {name: a}\nspec: {repo: ./a}\n";

        var result = LoadAssert.Load(Task("a") + "\n---\n" + workspace);

        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(2, result.Resources.Count);
    }

    [Fact]
    public void LoadText_DependencyCycle_ReportedAtDependsOnOfTheFirstTask()
    {
        var result = LoadAssert.Load(string.Join("\n---\n", Task("a", "[b]"), Task("b", "[c]"), Task("c", "[a]"), Task("d", "[a]")));

        Assert.Empty(result.Resources);
        LoadAssert.At(Assert.Single(result.Errors), 9, 3, "spec.dependsOn", "Circular dependency detected: a → b → c → a");
    }

    [Fact]
    public void LoadText_DependencyOnTaskOutsideTheLoad_IsNotACycle()
    {
        var result = LoadAssert.Load(Task("a", "[elsewhere]") + "\n---\n" + Task("b", "[a]"));

        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Errors));
    }
}
