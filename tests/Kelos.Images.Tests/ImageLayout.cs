using Kelos.Testing;

namespace Kelos.Images.Tests;

/// <summary>
/// The files of an agent image's <c>/kelos</c> directory, assembled as its Dockerfile copies them
/// (<c>deploy/images/common/*</c> plus <c>deploy/images/AGENT/agent.sh</c>), in a temp directory, so the
/// entrypoint runs outside a container exactly as it would inside one.
/// </summary>
internal sealed class ImageLayout : IDisposable
{
    private ImageLayout(string root)
    {
        Root = root;
    }

    public static string ImagesDirectory { get; } = Path.Combine(RepositoryRoot.Find(), "deploy", "images");

    public string Root { get; }

    public string Entrypoint => Path.Combine(Root, "kelos_entrypoint.sh");

    public string Capture => Path.Combine(Root, "kelos-capture.mjs");

    public static ImageLayout For(string agentType)
    {
        var root = Directory.CreateTempSubdirectory("kelos-image-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(ImagesDirectory, "common")))
        {
            File.Copy(file, Path.Combine(root, Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(ImagesDirectory, agentType, "agent.sh"), Path.Combine(root, "agent.sh"));
        return new ImageLayout(root);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
