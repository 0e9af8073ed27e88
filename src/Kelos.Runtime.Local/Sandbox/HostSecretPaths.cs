namespace Kelos.Runtime.Local.Sandbox;

/// <summary>
/// Where Kelos's own secrets live on the host, hidden from every agent on top of the home and state
/// directories: the App's private key, the webhook secret file, the configuration directory (Secrets in YAML).
/// </summary>
public static class HostSecretPaths
{
    private static readonly string[] Variables = ["KELOS_GITHUB_PRIVATE_KEY_FILE", "KELOS_WEBHOOK_SECRET_FILE", "KELOS_CONFIG_DIR"];

    public static IEnumerable<string> FromEnvironment() =>
        Variables.Select(Environment.GetEnvironmentVariable).OfType<string>().Where(p => p.Length > 0).Select(p => Path.GetFullPath(p));
}
