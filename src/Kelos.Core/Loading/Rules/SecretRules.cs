using Kelos.Core.Loading.Schema;
using Kelos.Core.Resources;

namespace Kelos.Core.Loading.Rules;

/// <summary>Rules for a Secret: <c>data</c> values are base64 (plain text goes in <c>stringData</c>).</summary>
internal static class SecretRules
{
    public static void Check(Secret secret, RuleContext context)
    {
        foreach (var (key, value) in secret.Data ?? [])
        {
            if (!ScalarChecks.IsBase64(value))
            {
                context.Error(Source.FieldPath.Child("data", key), $"value of \"{key}\" is not valid base64 (put plain text under stringData)");
            }
        }
    }
}
