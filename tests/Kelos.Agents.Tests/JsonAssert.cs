using System.Text.Json.Nodes;

namespace Kelos.Agents.Tests;

internal static class JsonAssert
{
    /// <summary>Same JSON, whatever the indentation and escaping.</summary>
    public static void Equivalent(string expected, string actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(expectedNode, actualNode), $"Expected JSON:\n{expectedNode}\nActual JSON:\n{actualNode}");
    }
}
