using k8s;
using Kelos.Core.Runtime;
using Kelos.Core.Store;
using Kelos.Runtime.Kubernetes.Events;
using Kelos.Runtime.Kubernetes.Leadership;
using Kelos.Runtime.Kubernetes.Runs;
using Kelos.Runtime.Kubernetes.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kelos.Runtime.Kubernetes;

/// <summary>Wiring for cluster mode: the seams the controller runs on, implemented on the API server.</summary>
public static class KubernetesServiceCollectionExtensions
{
    /// <summary>
    /// One <see cref="IKubernetes"/>, the store over the custom resources (it honours finalizers, so the controller puts
    /// its cleanup finalizer on Tasks), the Job runtime (which keeps GitHub App tokens fresh), the Lease, the
    /// Kubernetes Events recorder for Task transitions, and the Tasks' pod logs (<see cref="ITaskLogs"/>, for the
    /// reporter). Losing the Lease stops the host (a Deployment restarts it as a follower), so two replicas never both act.
    /// </summary>
    public static IServiceCollection AddKelosKubernetes(this IServiceCollection services, KubernetesClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configuration = options.ResolveClientConfiguration();
        var @namespace = options.ResolveNamespace(configuration);
        var identity = options.ResolveIdentity();
        services.AddSingleton<IKubernetes>(_ => new k8s.Kubernetes(configuration));
        services.AddSingleton<IResourceStore>(sp => new KubernetesResourceStore(
            sp.GetRequiredService<IKubernetes>(), @namespace, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<KubernetesResourceStore>>()));
        services.AddSingleton<ITaskRuntime>(sp => new KubernetesTaskRuntime(
            sp.GetRequiredService<IKubernetes>(), @namespace, options.Images, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<KubernetesTaskRuntime>>(), sp.GetService<IGitHubTokenIssuer>(), options.TokenRefresh));
        services.AddSingleton<ITaskEventRecorder>(sp => new KubernetesTaskEventRecorder(
            sp.GetRequiredService<IKubernetes>(), @namespace, identity, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<KubernetesTaskEventRecorder>>()));
        services.AddSingleton<ITaskLogs>(sp => new KubernetesTaskLogs(
            sp.GetRequiredService<IKubernetes>(), @namespace, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<KubernetesTaskLogs>>()));
        services.AddSingleton<IControllerLease>(sp => new LeaseControllerLease(
            sp.GetRequiredService<IKubernetes>(), @namespace, identity, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<LeaseControllerLease>>(), () => sp.GetService<IHostApplicationLifetime>()?.StopApplication()));
        return services;
    }
}
