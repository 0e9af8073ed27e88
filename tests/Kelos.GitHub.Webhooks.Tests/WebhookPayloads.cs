using Kelos.Testing;

namespace Kelos.GitHub.Webhooks.Tests;

/// <summary>The real payloads in <c>../shared/fixtures/github-webhooks/&lt;event&gt;/&lt;action&gt;…json</c>.</summary>
public static class WebhookPayloads
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot.Find(), "..", "shared", "fixtures", "github-webhooks"));

    /// <summary>Every payload file: the event name is its folder's name.</summary>
    public static IEnumerable<(string Event, string File)> All()
    {
        if (!Directory.Exists(Root))
        {
            throw new DirectoryNotFoundException($"The webhook fixtures are missing: {Root}");
        }

        return Directory.EnumerateDirectories(Root)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.json").Select(file => (Path.GetFileName(dir), file)))
            .Order();
    }

    public static byte[] Read(string eventName, string fileName) => File.ReadAllBytes(Path.Combine(Root, eventName, fileName));
}
