namespace Kelos.Cli.Hosting;

/// <summary><c>KELOS_RABBITMQ_URL</c> (<c>amqp://user:password@host:port/vhost</c>); absent means the in-memory bus.</summary>
public static class RabbitMq
{
    public const string UrlVariable = "KELOS_RABBITMQ_URL";

    public static Uri? UrlFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // The message names the variable, never the value: the URL holds the broker's password.
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "amqp" or "amqps"
            ? url
            : throw new CliException($"{UrlVariable} is not an amqp:// or amqps:// URL");
    }
}
