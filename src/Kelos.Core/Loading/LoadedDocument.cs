using Kelos.Core.Loading.Rules;
using Kelos.Core.Loading.Source;
using Kelos.Core.Resources;

namespace Kelos.Core.Loading;

/// <summary>A document that bound to a resource, with its issues, for the checks across documents.</summary>
internal sealed record LoadedDocument(KelosResource Resource, string File, SourcePosition Start, DocumentIssues Issues)
{
    public RuleContext Context => new(Issues, Resource.ApiVersion);
}
