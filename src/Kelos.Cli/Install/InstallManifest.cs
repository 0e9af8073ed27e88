using Kelos.Core.Loading.Yaml;
using System.Text.Json.Nodes;

namespace Kelos.Cli.Install;

/// <summary>
/// The manifests <c>kelos install</c> applies: <c>deploy/install/install.yaml</c> (rendered by <c>kubectl kustomize
/// deploy/install</c>, kept in step by a test, embedded in the CLI), moved to another namespace with <c>-n</c> and given
/// other images with <c>--image NAME=IMAGE</c>, in the order they are applied.
/// </summary>
public static class InstallManifest
{
    public const string ResourceName = "install.yaml";

    private static readonly string[] ContainerLists = ["initContainers", "containers"];

    /// <summary>The shipped manifest, as rendered.</summary>
    public static string Text()
    {
        using var stream = typeof(InstallManifest).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in the kelos executable");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The objects to apply, in dependency order (see <see cref="InstallKind.Order"/>; the file's order within a step).</summary>
    public static IReadOnlyList<JsonObject> Objects(string @namespace, IReadOnlyDictionary<string, string> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var objects = ManifestYaml.Parse(Text());
        foreach (var obj in objects)
        {
            MoveTo(obj, @namespace);
        }

        foreach (var (name, image) in images)
        {
            var replaced = objects.Sum(o => ReplaceImage(o, name, image));
            if (replaced == 0)
            {
                var known = objects.SelectMany(Containers).Select(c => ImageName((string?)c["image"] ?? "")).Distinct().Order(StringComparer.Ordinal);
                throw new CliException($"--image {name}={image}: no container runs an image named {name} (images: {string.Join(", ", known)})");
            }
        }

        return [.. objects.Select((o, i) => (o, i)).OrderBy(p => KindOf(p.o).Order).ThenBy(p => p.i).Select(p => p.o)];
    }

    public static InstallKind KindOf(JsonObject obj) => InstallKind.Of((string?)obj["apiVersion"] ?? "", (string?)obj["kind"] ?? "");

    /// <summary><c>kind/name</c>, as each line of the install says it.</summary>
    public static string Describe(JsonObject obj) => $"{((string?)obj["kind"] ?? "").ToLowerInvariant()}/{(string?)obj["metadata"]?["name"]}";

    private static void MoveTo(JsonObject obj, string @namespace)
    {
        var kind = KindOf(obj);
        var metadata = obj["metadata"]!.AsObject();
        if (kind.Namespaced)
        {
            metadata["namespace"] = @namespace;
        }
        else if (kind.Kind == "Namespace")
        {
            metadata["name"] = @namespace;
        }

        foreach (var subject in obj["subjects"] as JsonArray ?? [])
        {
            if (subject?["namespace"] is not null)
            {
                subject["namespace"] = @namespace;
            }
        }
    }

    private static int ReplaceImage(JsonObject obj, string name, string image)
    {
        var replaced = 0;
        foreach (var container in Containers(obj).Where(c => ImageName((string?)c["image"] ?? "") == name))
        {
            container["image"] = image;
            replaced++;
        }

        return replaced;
    }

    private static IEnumerable<JsonObject> Containers(JsonObject obj)
    {
        var pod = obj["spec"]?["template"]?["spec"];
        return ContainerLists.SelectMany(list => (pod?[list] as JsonArray ?? []).OfType<JsonObject>());
    }

    /// <summary>The name kustomize's <c>images</c> would match: the repository's last path segment, without tag or digest.</summary>
    private static string ImageName(string image)
    {
        var repository = image.Split('@')[0];
        var slash = repository.LastIndexOf('/');
        var colon = repository.LastIndexOf(':');
        if (colon > slash)
        {
            repository = repository[..colon];
        }

        return repository[(slash + 1)..];
    }
}
