using k8s.Exceptions;

namespace Kelos.Cli.Hosting;

/// <summary>Turns a kubeconfig that cannot be read into one line naming it, instead of a stack trace.</summary>
public static class ClusterConnection
{
    public static T Build<T>(Func<T> build, string? kubeconfig)
    {
        ArgumentNullException.ThrowIfNull(build);
        try
        {
            return build();
        }
        catch (Exception e) when (e is KubeConfigException or FileNotFoundException or DirectoryNotFoundException)
        {
            var where = kubeconfig ?? "the in-cluster service account, $KUBECONFIG or ~/.kube/config";
            throw new CliException($"cannot use the cluster configuration ({where}): {e.Message}");
        }
    }
}
