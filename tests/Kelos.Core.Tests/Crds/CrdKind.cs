namespace Kelos.Core.Tests.Crds;

/// <summary>How one kind appears to Kubernetes users: its names, short names and the columns <c>kubectl get</c> shows.</summary>
/// <param name="Kind">The kind, e.g. <c>Task</c>.</param>
/// <param name="Type">The C# type the loader binds it to.</param>
/// <param name="Plural">The resource name (<c>tasks</c>); the CRD is named <c>{plural}.kelos.dev</c>.</param>
/// <param name="ShortNames">What <c>kubectl get</c> also accepts.</param>
/// <param name="Columns">Printer columns, in order.</param>
internal sealed record CrdKind(string Kind, Type Type, string Plural, IReadOnlyList<string> ShortNames, IReadOnlyList<CrdColumn> Columns)
{
    public string Singular => Kind.ToLowerInvariant();

    public string CrdName => $"{Plural}.{CrdDocument.Group}";

    /// <summary>The file under <c>deploy/crds</c>.</summary>
    public string FileName => $"{CrdName}.yaml";

    /// <summary>Whether the type has a <c>status</c> (and so a status subresource).</summary>
    public bool HasStatus => CrdSchemaBuilder.Fields(Type).Any(f => f.Name == "status");
}

/// <summary>One <c>additionalPrinterColumns</c> entry; priority 1 shows only with <c>-o wide</c>.</summary>
internal sealed record CrdColumn(string Name, string Type, string JsonPath, int Priority = 0);
