namespace Kelos.Testing.Kubernetes;

/// <summary>One kind of resource the stand-in serves, e.g. <c>batch/v1</c> <c>jobs</c>.</summary>
/// <param name="Group">The API group; empty for the core group (served under <c>/api/v1</c>).</param>
/// <param name="Version">The served version.</param>
/// <param name="Plural">The resource name in paths, e.g. <c>jobs</c>.</param>
/// <param name="Kind">The kind in objects, e.g. <c>Job</c>.</param>
/// <param name="HasStatus">Whether it has a <c>status</c> subresource: then a normal write keeps the stored status.</param>
/// <param name="HasGeneration">Whether <c>metadata.generation</c> counts changes outside metadata and status.</param>
/// <param name="IsCustom">A custom resource: list items keep <c>apiVersion</c>/<c>kind</c>, deletes answer the object.</param>
/// <param name="Namespaced">False for cluster-scoped kinds (Namespace, CRD, ClusterRole…): served without <c>namespaces/{ns}</c>.</param>
internal sealed record ResourceType(string Group, string Version, string Plural, string Kind, bool HasStatus, bool HasGeneration, bool IsCustom, bool Namespaced = true)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>How the API server names it in messages: <c>jobs.batch</c>, <c>pods</c>.</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>How the API server names the kind in validation messages: <c>Job.batch</c>, <c>Pod</c>.</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    public override string ToString() => $"{ApiVersion}/{Plural}";
}
