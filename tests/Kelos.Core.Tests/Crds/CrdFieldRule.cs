using System.Text.Json.Nodes;

namespace Kelos.Core.Tests.Crds;

/// <summary>
/// A constraint the loader enforces in code (a name rule, an agent type, a duration) written into the CRD schema of
/// one field. <see cref="Accepted"/> and <see cref="Rejected"/> are YAML values that both the loader (in
/// <see cref="LoaderDocument"/>, at <c>VALUE</c>) and the schema must agree on, so the two cannot drift apart.
/// </summary>
/// <param name="Owner">The C# type that declares the field.</param>
/// <param name="Field">The field's JSON name.</param>
/// <param name="Constraints">Schema keywords merged into the field's schema (or its items' schema).</param>
/// <param name="OnItems">True when the constraints apply to each item of a list.</param>
/// <param name="LoaderDocument">A valid resource with <c>VALUE</c> where the field's value goes.</param>
/// <param name="Accepted">Values both accept.</param>
/// <param name="Rejected">Values both reject.</param>
internal sealed record CrdFieldRule(
    Type Owner,
    string Field,
    JsonObject Constraints,
    bool OnItems,
    string LoaderDocument,
    IReadOnlyList<string> Accepted,
    IReadOnlyList<string> Rejected)
{
    public const string Placeholder = "VALUE";

    public override string ToString() => $"{Owner.Name}.{Field}";
}
