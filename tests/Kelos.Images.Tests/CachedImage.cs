using System.Security.Cryptography;
using System.Text;

namespace Kelos.Images.Tests;

/// <summary>
/// Image builds for the container tests, cached by content: the image is tagged with a hash of everything that goes
/// into it (the build context's files, the Containerfile, build arguments, the base image's id), and a build whose tag
/// already exists is skipped. Builds are slow on these machines (minutes for an agent image); a rerun with nothing
/// changed costs one <c>podman image exists</c>. Changed inputs give a new tag, so a stale image is never used.
/// </summary>
internal static class CachedImage
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>
    /// Returns <c>REPOSITORY:HASH</c>, building it first when missing: <paramref name="prepare"/> fills a fresh
    /// context directory (skipped when the image exists), then <c>podman build -f CONTAINERFILE</c> runs there.
    /// </summary>
    /// <param name="repository">e.g. <c>localhost/kelos-test-git</c>.</param>
    /// <param name="hashInputs">Everything the image depends on that <paramref name="files"/> do not cover.</param>
    /// <param name="files">Files whose content goes into the hash (paths relative to <paramref name="filesRoot"/>).</param>
    /// <param name="filesRoot">The directory <paramref name="files"/> are relative to.</param>
    /// <param name="build">Builds the image under the tag given, in a context directory of its own.</param>
    public static async Task<string> EnsureAsync(
        string repository,
        IEnumerable<string> hashInputs,
        IEnumerable<string> files,
        string filesRoot,
        Func<string, Task> build)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var input in hashInputs)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(input + "\n"));
        }

        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            sha.AppendData(await File.ReadAllBytesAsync(Path.Combine(filesRoot, file)));
        }

        var image = $"{repository}:{Convert.ToHexStringLower(sha.GetHashAndReset())[..16]}";
        await Gate.WaitAsync();
        try
        {
            if ((await Podman.RunAsync(["image", "exists", image], Path.GetTempPath())).ExitCode != 0)
            {
                await build(image);
                await RemoveOtherTagsAsync(repository, image);
            }
        }
        finally
        {
            Gate.Release();
        }

        return image;
    }

    /// <summary>
    /// Drops the builds of earlier inputs (an agent image is about 1 GB). One still in use by a container stays:
    /// podman refuses to remove it, and that is fine.
    /// </summary>
    private static async Task RemoveOtherTagsAsync(string repository, string keep)
    {
        var tags = await Podman.RunAsync(["images", "--format", "{{.Repository}}:{{.Tag}}", repository], Path.GetTempPath());
        foreach (var tag in tags.OutputLines.Select(l => l.Trim()).Where(l => l.Length > 0 && l != keep))
        {
            await Podman.RunAsync(["rmi", tag], Path.GetTempPath());
        }
    }

    /// <summary>The id of a local image, to chain an image's hash to its base's.</summary>
    public static async Task<string> IdAsync(string image) =>
        (await Podman.CheckedAsync(["image", "inspect", "--format", "{{.Id}}", image], Path.GetTempPath())).Trim();

    /// <summary>The files under <paramref name="root"/>/<paramref name="directory"/>, relative to <paramref name="root"/>.</summary>
    public static IEnumerable<string> FilesUnder(string root, string directory) =>
        Directory.EnumerateFiles(Path.Combine(root, directory), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f));
}
