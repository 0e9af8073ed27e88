namespace Kelos.Agents;

/// <summary>What a Task's outputs block said.</summary>
/// <param name="Outputs">The block's lines as printed (a Task's <c>status.outputs</c>).</param>
/// <param name="Results">The <c>key: value</c> pairs, the last of a repeated key winning (a Task's <c>status.results</c>).</param>
public sealed record OutputsBlockResult(List<string> Outputs, Dictionary<string, string> Results);
