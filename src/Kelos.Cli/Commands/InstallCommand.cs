using System.CommandLine;
using Kelos.Cli.Install;
using Kelos.Cli.Output;

namespace Kelos.Cli.Commands;

/// <summary>
/// <c>kelos install [--dry-run] [--kubeconfig PATH] [-n NAMESPACE] [--image NAME=IMAGE]...</c>: Kelos on a cluster —
/// the manifests shipped inside the CLI (<see cref="InstallManifest"/>), printed with <c>--dry-run</c>, otherwise applied
/// one object at a time by server-side apply (<see cref="ManifestApplier"/>), one line per object. Idempotent: run it
/// again to upgrade; Secrets already there are never overwritten.
/// </summary>
public static class InstallCommand
{
    public static Command Create(CliConsole console)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the manifests instead of applying them" };
        var images = new Option<string[]>("--image") { Description = "NAME=IMAGE: run IMAGE where the manifests run an image named NAME (e.g. kelos=registry.example.com/kelos:1.0); repeatable" };
        var cluster = new ClusterOptions();
        var command = cluster.AddTo(new Command("install", "Install Kelos on a cluster (the CRDs, RBAC, the three roles, RabbitMQ, Secret placeholders)") { dryRun, images });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var ns = parse.GetValue(cluster.Namespace) ?? ClusterOptions.DefaultNamespace;
            var objects = InstallManifest.Objects(ns, ParseImages(parse.GetValue(images) ?? []));
            if (parse.GetValue(dryRun))
            {
                await console.Out.WriteAsync(string.Join("---\n", objects.Select(o => YamlText.FromJson(o.ToJsonString()).TrimEnd() + "\n")));
                return 0;
            }

            var kubeconfig = parse.GetValue(cluster.Kubeconfig) ?? throw new CliException("kelos install applies to the cluster of --kubeconfig PATH (or prints the manifests with --dry-run)");
            await using var connection = new ClusterConnection(kubeconfig, ClusterOptions.Load(kubeconfig), ns);
            var applier = new ManifestApplier(connection.Client, TimeProvider.System);
            foreach (var obj in objects)
            {
                var outcome = await connection.RunAsync(() => applier.ApplyAsync(obj, cancellationToken));
                await console.Out.WriteLineAsync($"{InstallManifest.Describe(obj)} {outcome}");
            }

            return 0;
        });
        return command;
    }

    private static Dictionary<string, string> ParseImages(string[] values)
    {
        var images = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == value.Length - 1)
            {
                throw new CliException($"--image {value}: expected NAME=IMAGE, e.g. kelos=registry.example.com/kelos:1.0");
            }

            images[value[..equals]] = value[(equals + 1)..];
        }

        return images;
    }
}
