namespace Kelos.Core.Loading.Rules;

/// <summary>What a semantic rule needs: the document's API version and a way to report at a field's position.</summary>
internal sealed class RuleContext(DocumentIssues issues, string apiVersion)
{
    public string ApiVersion { get; } = apiVersion;

    /// <summary>True when the field was written in the document.</summary>
    public bool Has(string path) => issues.Map.Contains(path);

    /// <summary>A problem with a field's value, reported where the value is.</summary>
    public void Error(string path, string message) => issues.RuleError(issues.Map.ValueAt(path), path, message);

    /// <summary>A problem with a field as such (present when it must not be, or missing), reported at its key.</summary>
    public void ErrorAtKey(string path, string message) => issues.RuleError(issues.Map.KeyAt(path), path, message);
}
