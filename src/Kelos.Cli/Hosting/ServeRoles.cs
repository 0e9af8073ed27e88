namespace Kelos.Cli.Hosting;

/// <summary>
/// What one <c>kelos serve</c> process does (<c>--role</c>). A deployment runs each role in its own Deployment with
/// only the credentials that role needs; one process may play them all.
/// </summary>
[Flags]
public enum ServeRoles
{
    None = 0,

    /// <summary>GitHub's deliveries in: verified, deduplicated, published to the bus. No Kubernetes, no App key.</summary>
    Webhook = 1,

    /// <summary>Tasks into runs (Jobs on a cluster), their status and lifecycle events; webhook events into Tasks.</summary>
    Controller = 2,

    /// <summary>Task lifecycle events onto GitHub: tracking comments, plans, pull requests, check runs.</summary>
    Reporter = 4,

    All = Webhook | Controller | Reporter,
}

/// <summary>The <c>--role</c> values.</summary>
public static class ServeRoleNames
{
    public static readonly IReadOnlyList<string> Names = ["all", "webhook", "controller", "reporter"];

    public static ServeRoles Parse(string name) => name switch
    {
        "all" => ServeRoles.All,
        "webhook" => ServeRoles.Webhook,
        "controller" => ServeRoles.Controller,
        "reporter" => ServeRoles.Reporter,
        _ => throw new CliException($"unknown --role \"{name}\": use one of {string.Join(", ", Names)}"),
    };
}
