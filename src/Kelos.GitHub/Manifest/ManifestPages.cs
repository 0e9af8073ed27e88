using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kelos.GitHub.Manifest;

/// <summary>The pages the local manifest flow shows in the browser. Nothing secret is ever on them.</summary>
public static class ManifestPages
{
    /// <summary>The one-click page: a form that posts <paramref name="manifest"/> to GitHub's App registration.</summary>
    public static string Form(JsonObject manifest, Uri registrationUrl)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var name = manifest["name"]?.GetValue<string>() ?? KelosAppManifest.DefaultName;
        var hook = manifest["hook_attributes"]?["url"]?.GetValue<string>() ?? "";
        var json = manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        return Page(
            $"Create the GitHub App {name}",
            $"""
            <p>GitHub will create the App <b>{E(name)}</b>, delivering webhooks to <code>{E(hook)}</code>, with the permissions and
            events Kelos needs. You can change its name on the next page.</p>
            <form action="{E(registrationUrl.ToString())}" method="post">
              <input type="hidden" name="manifest" value="{E(json)}">
              <button type="submit">Create GitHub App</button>
            </form>
            """);
    }

    /// <summary>The page after GitHub redirected back and the credentials were saved.</summary>
    public static string Created(CreatedGitHubApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var install = app.InstallUrl is { } url ? $"""<p>Next, <a href="{E(url.ToString())}">install it</a> on your repositories.</p>""" : "";
        return Page($"Created {app.Slug}", $"<p>The App {E(app.Slug)} (id {app.Id}) is created and its credentials are saved. Back to the terminal.</p>{install}");
    }

    /// <summary>A page that says what went wrong (never a secret).</summary>
    public static string Problem(string message) => Page("Kelos GitHub App", $"<p>{E(message)}</p>");

    private static string Page(string title, string body) =>
        $"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>{E(title)}</title></head>
        <body>
        <h1>{E(title)}</h1>
        {body}
        </body>
        </html>
        """;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
