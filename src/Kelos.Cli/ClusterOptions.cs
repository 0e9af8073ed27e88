using System.CommandLine;
using k8s;
using k8s.Exceptions;

namespace Kelos.Cli;

/// <summary>
/// <c>--kubeconfig PATH</c> and <c>-n/--namespace</c>: a command given a kubeconfig works on that cluster instead of the
/// local state directory. Without <c>--kubeconfig</c> nothing changes (no <c>$KUBECONFIG</c> magic: embedded mode is the
/// default, and a cluster is always asked for by name). The namespace is <c>-n</c>, else the kubeconfig context's,
/// else <see cref="DefaultNamespace"/>, where <c>kelos install</c> puts Kelos.
/// </summary>
public sealed class ClusterOptions
{
    /// <summary>The namespace <c>kelos install</c> uses and cluster commands default to.</summary>
    public const string DefaultNamespace = "kelos";

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "Work on the cluster of this kubeconfig file instead of the local state directory",
    };

    public Option<string?> Namespace { get; } = new("--namespace", "-n")
    {
        Description = $"Namespace on the cluster (default: the kubeconfig context's, else \"{DefaultNamespace}\"); only with --kubeconfig",
    };

    /// <summary>Adds both options to <paramref name="command"/> and returns it.</summary>
    public Command AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(Kubeconfig);
        command.Add(Namespace);
        return command;
    }

    /// <summary>The cluster the command line names, or null to work on the state directory.</summary>
    public ClusterConnection? Connect(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(Kubeconfig) is not { } path)
        {
            if (parse.GetValue(Namespace) is not null)
            {
                throw new CliException("-n/--namespace works on a cluster: give --kubeconfig PATH too");
            }

            return null;
        }

        return new ClusterConnection(path, Load(path), parse.GetValue(Namespace));
    }

    /// <summary>The kubeconfig as a client configuration; its problems in one line naming the file, never its content.</summary>
    public static KubernetesClientConfiguration Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new CliException($"kubeconfig {path}: no such file");
        }

        try
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        }
        catch (Exception e) when (e is KubeConfigException or YamlDotNet.Core.YamlException or ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException or FormatException)
        {
            throw new CliException($"kubeconfig {path}: {FirstLine(e.Message)}");
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
