namespace Kelos.Runtime.Local.Runs;

/// <summary>
/// The few host variables a run inherits. Everything else of the host (its tokens, its cloud credentials)
/// stays out: a run gets only what its Task asks for.
/// </summary>
public static class HostEnvironment
{
    private static readonly string[] Inherited =
    [
        "PATH", "LANG", "LC_ALL", "TZ", "TERM",
        "SSL_CERT_FILE", "SSL_CERT_DIR", "NODE_EXTRA_CA_CERTS",
        "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
    ];

    public static Dictionary<string, string> Base(string home, string temp)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Inherited)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                env[name] = value;
            }
        }

        env.TryAdd("PATH", "/usr/local/bin:/usr/bin:/bin");
        env["HOME"] = home;
        env["TMPDIR"] = temp;
        env["USER"] = Environment.UserName;
        return env;
    }
}
