using Kelos.Core.Resources;

namespace Kelos.Core.Loading;

/// <summary>A resource read from a file, with the 1-based line where its document starts.</summary>
public sealed record LoadedResource(KelosResource Resource, string File, int Line);
