using System.CommandLine;
using Kelos.Cli.Hosting;
using Kelos.Controller.Configuration;
using Kelos.Runtime.Kubernetes;
using Kelos.Runtime.Local.State;
using Microsoft.Extensions.Hosting;
using Serilog.Events;

namespace Kelos.Cli.Commands;

/// <summary>
/// <c>kelos serve</c>: the long-running process. In embedded mode it is the controller for its state directory
/// and picks up whatever is applied, changed or deleted there meanwhile, by any process. With <c>--role</c> or
/// <c>--kubeconfig</c> it is one role of a cluster deployment (or all of them), on the Kubernetes API.
/// </summary>
public static class ServeCommand
{
    public const string NamespaceVariable = "KELOS_NAMESPACE";

    public static Command Create(CliConsole console)
    {
        var maxParallel = new Option<int>("--max-parallel") { Description = "Tasks that may run at once", DefaultValueFactory = _ => 4 };
        var configDir = new Option<string?>("--config-dir")
        {
            Description = "A directory of TaskSpawner, Workspace, AgentConfig and Secret YAML to keep applied (default: $KELOS_CONFIG_DIR)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ConfigDirectoryOptions.EnvironmentVariable),
        };
        var urls = new Option<string>("--urls")
        {
            Description = "Where the GitHub webhook endpoint (and, with --role, /healthz and /readyz) listens",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var role = new Option<string?>("--role")
        {
            Description = "Run one role of a cluster deployment: webhook, controller, reporter, or all (default: everything, embedded unless --kubeconfig)",
        };
        role.AcceptOnlyFromAmong([.. ServeRoleNames.Names]);
        var kubeconfig = new Option<string?>("--kubeconfig")
        {
            Description = "Run on this cluster (default for --role controller|reporter: the in-cluster service account, else $KUBECONFIG or ~/.kube/config)",
        };
        var ns = new Option<string?>("--namespace", "-n")
        {
            Description = $"Namespace of the Tasks, Jobs and Lease (default: ${NamespaceVariable}, else the pod's own, else the kubeconfig's)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(NamespaceVariable) is { Length: > 0 } value ? value : null,
        };
        var images = new AgentImageOptions();
        var command = new Command("serve", "Run Kelos: the controller, the bus and (with GitHub configured) the webhook endpoint, until stopped")
        {
            maxParallel, configDir, urls, role, kubeconfig, ns,
        };
        images.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var state = CommonOptions.State(parse);
            var dir = parse.GetValue(configDir);
            if (dir is not null && !Directory.Exists(dir))
            {
                throw new CliException($"the configuration directory {dir} does not exist (--config-dir or {ConfigDirectoryOptions.EnvironmentVariable})");
            }

            if (dir is not null)
            {
                // One place says where it is: the runtime hides it from agents (it may hold Secrets).
                Environment.SetEnvironmentVariable(ConfigDirectoryOptions.EnvironmentVariable, Path.GetFullPath(dir));
            }

            var roleName = parse.GetValue(role);
            var config = parse.GetValue(kubeconfig);
            if (roleName is null && config is null)
            {
                using var embedded = EmbeddedHost.Build(new EmbeddedHostSettings(state, FileControllerLease.ServeRole, parse.GetValue(maxParallel), LogEventLevel.Information, ConfigDirectory: dir, Urls: parse.GetValue(urls), RabbitMqUrl: RabbitMq.UrlFromEnvironment()));
                await console.Error.WriteLineAsync($"kelos serve: state directory {state.Root}");
                await embedded.RunAsync(cancellationToken);
                return 0;
            }

            if (dir is not null)
            {
                // On a cluster the resources are kept in git and applied with kubectl (or kelos apply --kubeconfig);
                // the controller's RBAC does not let it write them.
                throw new CliException("--config-dir is for embedded mode; on a cluster apply the YAML with kubectl apply -f (or kelos apply --kubeconfig)");
            }

            var roles = Roles(roleName ?? "all");
            var cluster = roles == ServeRoles.Webhook ? null : new KubernetesClusterOptions
            {
                // A kubeconfig named on the command line is read (and its problems reported) as every command reads one.
                ClientConfiguration = config is null ? null : ClusterOptions.Load(config),
                Namespace = parse.GetValue(ns),
                Images = images.Read(parse),
            };
            var settings = new RoleHostSettings(state, roles, cluster, parse.GetValue(maxParallel), parse.GetRequiredValue(urls), RabbitMq.UrlFromEnvironment());
            await using var host = Build(settings);
            await console.Error.WriteLineAsync($"kelos serve: {Describe(roles)}{(cluster is null ? "" : " on the cluster")}, listening on {settings.Urls}");
            await host.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The roles this process plays: one named, or every one it has the credentials for (the webhook needs the
    /// webhook secret, the reporter the App).
    /// </summary>
    private static ServeRoles Roles(string name)
    {
        var roles = ServeRoleNames.Parse(name);
        if (roles != ServeRoles.All)
        {
            return roles;
        }

        if (!GitHubSettings.IsWebhookConfigured())
        {
            roles &= ~ServeRoles.Webhook;
        }

        if (!GitHubSettings.IsAppConfigured())
        {
            roles &= ~ServeRoles.Reporter;
        }

        return roles;
    }

    /// <summary>The role host; without a kubeconfig, no in-cluster account and no ~/.kube/config, one line says so.</summary>
    private static Microsoft.AspNetCore.Builder.WebApplication Build(RoleHostSettings settings)
    {
        try
        {
            return RoleHost.Build(settings);
        }
        catch (k8s.Exceptions.KubeConfigException e)
        {
            throw new CliException($"no cluster: not in a pod, and no kubeconfig ({e.Message}); give --kubeconfig PATH");
        }
    }

    private static string Describe(ServeRoles roles) =>
        string.Join(" + ", Enum.GetValues<ServeRoles>().Where(r => r is not ServeRoles.None and not ServeRoles.All && roles.HasFlag(r)).Select(r => r.ToString().ToLowerInvariant()));
}
