using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kelos.GitHub.Manifest;

/// <summary>
/// A created App's credentials as a Kubernetes Secret. Its keys are file names, so mounted as a volume it gives
/// <c>KELOS_GITHUB_PRIVATE_KEY_FILE</c> and <c>KELOS_WEBHOOK_SECRET_FILE</c> their files, and nothing secret needs
/// to sit in an environment variable.
/// </summary>
public static class GitHubAppSecretYaml
{
    /// <summary>The Secret's name unless one is given.</summary>
    public const string DefaultName = "kelos-github-app";

    public const string AppIdKey = "app-id";
    public const string AppSlugKey = "app-slug";
    public const string ApiUrlKey = "api-url";
    public const string PrivateKeyKey = "private-key.pem";
    public const string WebhookSecretKey = "webhook-secret";

    public static string Render(CreatedGitHubApp app, Uri apiBaseUrl, string secretName = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(apiBaseUrl);
        var data = new YamlMappingNode
        {
            { AppIdKey, Quoted(app.Id.ToString(CultureInfo.InvariantCulture)) },
            { AppSlugKey, Quoted(app.Slug) },
            { ApiUrlKey, Quoted(apiBaseUrl.ToString()) },
            { WebhookSecretKey, Quoted(app.WebhookSecret) },
            { PrivateKeyKey, new YamlScalarNode(app.PrivateKeyPem.TrimEnd() + "\n") { Style = ScalarStyle.Literal } },
        };
        var secret = new YamlMappingNode
        {
            { "apiVersion", "v1" },
            { "kind", "Secret" },
            { "metadata", new YamlMappingNode { { "name", secretName }, { "labels", new YamlMappingNode { { "app.kubernetes.io/name", "kelos" } } } } },
            { "type", "Opaque" },
            { "stringData", data },
        };
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.WriteLine($"# The GitHub App {app.Slug} (id {app.Id}), from kelos github-app create. Keep this file secret.");
        new YamlStream(new YamlDocument(secret)).Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };
}
