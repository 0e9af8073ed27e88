using Kelos.Core.Resources;

namespace Kelos.Core.Loading.Rules;

/// <summary><c>metadata.name</c>: required, and a valid Kubernetes object name.</summary>
internal static class MetadataRules
{
    public static void Check(KelosResource resource, RuleContext context)
    {
        if (string.IsNullOrEmpty(resource.Metadata.Name))
        {
            context.ErrorAtKey("metadata.name", "missing required field \"name\"");
            return;
        }

        Names.CheckSubdomain(context, "metadata.name", resource.Metadata.Name, "name");
    }
}
