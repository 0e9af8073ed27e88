namespace Kelos.Core.Loading;

/// <summary>
/// The outcome of one load. All or nothing: when there is any error, <see cref="Resources"/> is empty, so a partly
/// broken set of files never applies in part.
/// </summary>
public sealed record LoadResult(IReadOnlyList<LoadedResource> Resources, IReadOnlyList<ValidationError> Errors)
{
    public bool Ok => Errors.Count == 0;
}
