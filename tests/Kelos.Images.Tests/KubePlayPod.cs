using System.Globalization;
using System.Text;
using System.Text.Json;
using k8s;
using k8s.Models;
using Kelos.Runtime.Kubernetes;
using Kelos.Testing;

namespace Kelos.Images.Tests;

/// <summary>
/// Runs what <c>kelos render job</c> printed (the per-Task Secret and the Job) with <c>podman kube play</c>, changed
/// only where podman or this machine needs it. Each change, and why:
/// <list type="number">
/// <item>The Job becomes its pod: the Job's pod template (labels and spec, untouched) as a Pod named
/// <c>JOB-xxxxx</c>, as the Job controller names it. podman has no Job controller.</item>
/// <item><c>hostNetwork: true</c>: the pod reaches the host's loopback, where the Workspace's git remote and the
/// scripted model server listen (the Task's URLs stay as they are).</item>
/// <item>Secrets become podman secrets in the form podman 4.3 reads for <c>secretKeyRef</c> (a JSON object of
/// base64 values); a Secret in the play file is stored in a form its <c>secretKeyRef</c> cannot read. The per-Task
/// Secret gets its token here, as the controller fills it on a cluster.</item>
/// <item>Secret volumes become <c>hostPath</c> directories holding the same files (the volume's <c>items</c>, owner
/// root, group 61100 as <c>fsGroup</c> makes it, the volume's <c>defaultMode</c>): podman 4.3's kube play
/// crashes on a secret volume (a nil secrets manager in <c>VolumeFromSecret</c>).</item>
/// <item>emptyDir volumes get names of their own (<c>POD-NAME</c>, mounts renamed with them): podman 4.3 backs an
/// emptyDir with a volume named like it, which pods running at the same time would share (a second pod's
/// <c>git-clone</c> then finds the first one's clone).</item>
/// </list>
/// Images are not renamed: the test passes local ones through <c>--git-image</c>/<c>--agent-image</c>, or tags a
/// local build with the stock name, so the pod runs exactly the images the Job names.
/// </summary>
internal sealed class KubePlayPod : IAsyncDisposable
{
    private readonly List<string> _secrets = [];
    private readonly string _directory;

    private KubePlayPod(V1Pod pod, string directory)
    {
        Pod = pod;
        _directory = directory;
    }

    /// <summary>The pod as played.</summary>
    public V1Pod Pod { get; }

    public string Name => Pod.Metadata.Name;

    /// <summary>
    /// Turns the rendered documents into the pod and creates its secrets: the rendered Secret's keys, overlaid
    /// with <paramref name="secretValues"/> (secret name → key → value), which also holds Secrets the Task only
    /// names (e.g. its credentials).
    /// </summary>
    public static async Task<KubePlayPod> CreateAsync(string renderedYaml, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> secretValues)
    {
        var documents = KubernetesYaml.LoadAllFromString(renderedYaml);
        var job = documents.OfType<V1Job>().Single();
        var secrets = new Dictionary<string, Dictionary<string, byte[]>>(StringComparer.Ordinal);
        foreach (var secret in documents.OfType<V1Secret>())
        {
            secrets[secret.Metadata.Name] = Keys(secret);
        }

        foreach (var (name, values) in secretValues)
        {
            var keys = secrets.TryGetValue(name, out var found) ? found : secrets[name] = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var (key, value) in values)
            {
                keys[key] = Encoding.UTF8.GetBytes(value);
            }
        }

        var pod = new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta { Name = $"{job.Metadata.Name}-{Guid.NewGuid():N}"[..(job.Metadata.Name.Length + 6)], Labels = job.Spec.Template.Metadata.Labels },
            Spec = job.Spec.Template.Spec,
        };
        pod.Spec.HostNetwork = true;

        var directory = Directory.CreateTempSubdirectory("kelos-kube-play-").FullName;
        var played = new KubePlayPod(pod, directory);
        try
        {
            foreach (var volume in pod.Spec.Volumes.Where(v => v.Secret is not null).ToList())
            {
                volume.HostPath = new V1HostPathVolumeSource { Path = await WriteSecretVolumeAsync(directory, volume, secrets), Type = "Directory" };
                volume.Secret = null;
            }

            foreach (var volume in pod.Spec.Volumes.Where(v => v.EmptyDir is not null))
            {
                var unique = $"{pod.Metadata.Name}-{volume.Name}";
                foreach (var mount in pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? []).SelectMany(c => c.VolumeMounts ?? []).Where(m => m.Name == volume.Name))
                {
                    mount.Name = unique;
                }

                volume.Name = unique;
            }

            var referenced = pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? [])
                .SelectMany(c => c.Env ?? [])
                .Select(e => e.ValueFrom?.SecretKeyRef?.Name)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal);
            foreach (var name in referenced)
            {
                await played.CreateSecretAsync(name, secrets.TryGetValue(name, out var keys) ? keys : throw new InvalidOperationException($"the pod reads Secret {name}, which the test did not give"));
            }
        }
        catch
        {
            await played.DisposeAsync();
            throw;
        }

        return played;
    }

    /// <summary>Plays the pod and waits for <c>kelos-agent</c> to end; returns its exit code and its log.</summary>
    public async Task<(int ExitCode, CommandResult Log)> RunAsync(TimeSpan timeout)
    {
        var manifest = Path.Combine(_directory, "pod.yaml");
        await File.WriteAllTextAsync(manifest, KubernetesYaml.Serialize(Pod));
        var play = await Podman.RunAsync(["kube", "play", manifest], _directory, timeout);
        if (play.ExitCode != 0)
        {
            // An init container that fails stops the play; its log says why (as the controller's message would).
            var logs = new StringBuilder();
            foreach (var init in Pod.Spec.InitContainers ?? [])
            {
                logs.Append(CultureInfo.InvariantCulture, $"--- {init.Name} ---\n{await Podman.RunAsync(["logs", $"{Name}-{init.Name}"], _directory)}\n");
            }

            throw new InvalidOperationException($"podman kube play failed: {play}\n{logs}");
        }

        var agent = $"{Name}-{PodLayout.AgentContainer}";
        var exit = (await Podman.CheckedAsync(["wait", agent], _directory, timeout)).Trim();
        var log = await Podman.RunAsync(["logs", agent], _directory);
        return (int.Parse(exit, CultureInfo.InvariantCulture), log);
    }

    public async ValueTask DisposeAsync()
    {
        await Podman.RunAsync(["pod", "rm", "--force", Name], Path.GetTempPath());
        foreach (var secret in _secrets)
        {
            await Podman.RunAsync(["secret", "rm", secret], Path.GetTempPath());
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static Dictionary<string, byte[]> Keys(V1Secret secret)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, value) in secret.Data ?? new Dictionary<string, byte[]>())
        {
            keys[key] = value;
        }

        foreach (var (key, value) in secret.StringData ?? new Dictionary<string, string>())
        {
            keys[key] = Encoding.UTF8.GetBytes(value);
        }

        return keys;
    }

    private async Task CreateSecretAsync(string name, Dictionary<string, byte[]> keys)
    {
        var file = Path.Combine(_directory, $"secret-{name}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(keys.ToDictionary(k => k.Key, k => Convert.ToBase64String(k.Value))));
        await Podman.CheckedAsync(["secret", "create", name, file], _directory);
        _secrets.Add(name);
        File.Delete(file);
    }

    private static async Task<string> WriteSecretVolumeAsync(string root, V1Volume volume, Dictionary<string, Dictionary<string, byte[]>> secrets)
    {
        var source = volume.Secret;
        var keys = secrets.TryGetValue(source.SecretName, out var found) ? found : throw new InvalidOperationException($"the pod mounts Secret {source.SecretName}, which the test did not give");
        var directory = Directory.CreateDirectory(Path.Combine(root, "volume-" + volume.Name)).FullName;
        var items = source.Items?.Select(i => (i.Key, i.Path)) ?? keys.Keys.Select(k => (k, k));
        foreach (var (key, path) in items)
        {
            var file = Path.Combine(directory, path);
            await File.WriteAllBytesAsync(file, keys[key]);
            File.SetUnixFileMode(file, (UnixFileMode)(source.DefaultMode ?? 420));
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        }

        // fsGroup: the files belong to group 61100, so the containers (UID and GID 61100) read them through the mode.
        var chown = await CommandRunner.RunAsync("chown", ["-R", $"0:{PodLayout.AgentUid}", directory], directory);
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown of the secret volume failed: {chown}");
        }

        return directory;
    }
}
