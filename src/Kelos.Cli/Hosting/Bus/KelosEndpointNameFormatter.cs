using MassTransit;

namespace Kelos.Cli.Hosting.Bus;

/// <summary>
/// Queue names: <c>kelos-</c> and the consumer's name in kebab case without <c>Consumer</c>, with "GitHub" as one word
/// (<c>GitHubEventConsumer</c> → <c>kelos-github-event</c>), so every queue Kelos declares on a shared broker is
/// recognisably Kelos's. docs/messaging.md lists them.
/// </summary>
public sealed class KelosEndpointNameFormatter : KebabCaseEndpointNameFormatter
{
    private KelosEndpointNameFormatter()
        : base("kelos", includeNamespace: false)
    {
    }

    public static new KelosEndpointNameFormatter Instance { get; } = new();

    public override string SanitizeName(string name) =>
        base.SanitizeName((name ?? string.Empty).Replace("GitHub", "Github", StringComparison.Ordinal));
}
