using System.Text;
using Kelos.GitHub.Manifest;

namespace Kelos.Cli.Commands;

/// <summary>What <c>kelos github-app create</c> prints once the App exists: where its credentials are and how to run Kelos as it. Nothing secret.</summary>
public static class GitHubAppNextSteps
{
    public static string Render(CreatedGitHubApp app, string secretFile, Uri apiUrl, Uri kelosUrl)
    {
        ArgumentNullException.ThrowIfNull(app);
        const string Mount = "/etc/kelos/github";
        var text = new StringBuilder()
            .AppendLine($"Created the GitHub App {app.Slug} (id {app.Id}).")
            .AppendLine($"Its id, slug, private key and webhook secret are in {secretFile} (a Kubernetes Secret, owner-only).")
            .AppendLine()
            .AppendLine("Next:")
            .AppendLine($"  1. Install the App on the repositories Kelos may work on: {app.InstallUrl?.ToString() ?? "its page on GitHub, Install App"}")
            .AppendLine($"  2. Run kelos serve where {kelosUrl} reaches it (webhooks arrive at /api/github/webhooks), with:")
            .AppendLine($"       KELOS_GITHUB_APP_ID={app.Id}")
            .AppendLine($"       KELOS_GITHUB_APP_SLUG={app.Slug}")
            .AppendLine($"       KELOS_GITHUB_API_URL={apiUrl}")
            .AppendLine($"       KELOS_GITHUB_PRIVATE_KEY_FILE=<a file holding the Secret's {GitHubAppSecretYaml.PrivateKeyKey}>")
            .AppendLine($"       KELOS_WEBHOOK_SECRET_FILE=<a file holding the Secret's {GitHubAppSecretYaml.WebhookSecretKey}>")
            .AppendLine($"     In Kubernetes: kubectl apply -f {Path.GetFileName(secretFile)}, mount the Secret at {Mount}, and set")
            .AppendLine($"     KELOS_GITHUB_PRIVATE_KEY_FILE={Mount}/{GitHubAppSecretYaml.PrivateKeyKey} and KELOS_WEBHOOK_SECRET_FILE={Mount}/{GitHubAppSecretYaml.WebhookSecretKey}.")
            .Append("  See docs/github-app.md.");
        return text.ToString();
    }
}
