using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Kelos.Benchmarks.Targets;

/// <summary>Starts the two servers the load is aimed at, each in its own process on a free loopback port.</summary>
internal static class TargetLauncher
{
    public const string SecretVariable = "KELOS_WEBHOOK_SECRET";
    public const string RabbitMqUrlVariable = "KELOS_RABBITMQ_URL";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>This tool's own <c>ceiling-server</c> command.</summary>
    public static async Task<WebhookTarget> StartCeilingAsync(string workDirectory, CancellationToken cancellationToken)
    {
        var secret = NewSecret();
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var info = SelfCommand("ceiling-server", "--urls", url);
        Isolate(info, secret);
        var server = await ChildServer.StartAsync(info, new Uri(url + "/readyz"), Path.Combine(workDirectory, "ceiling.log"), StartTimeout, cancellationToken);
        return new WebhookTarget(new Uri(url + CeilingServer.WebhookPath), Encoding.UTF8.GetBytes(secret), server);
    }

    /// <summary>
    /// <c>kelos serve</c> from a build of Kelos.Cli, with a fresh state directory, a webhook secret, a throwaway GitHub
    /// App (serve insists on an App id and key; the webhook path calls no GitHub API, and with no TaskSpawners nothing
    /// else does, so its API URL is a closed loopback port), and the bus on RabbitMQ when <paramref name="rabbitMqUrl"/>
    /// is given. With <paramref name="app"/>, a real App (the stand-in's) and its configuration directory instead.
    /// </summary>
    public static async Task<WebhookTarget> StartKelosServeAsync(string kelosDll, string workDirectory, Uri? rabbitMqUrl, CancellationToken cancellationToken, KelosServeApp? app = null)
    {
        if (!File.Exists(kelosDll))
        {
            throw new FileNotFoundException($"{kelosDll} is missing: build it with `dotnet build src/Kelos.Cli -c Release`, or pass --kelos", kelosDll);
        }

        var secret = NewSecret();
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var state = Directory.CreateDirectory(Path.Combine(workDirectory, "state")).FullName;
        var info = new ProcessStartInfo("dotnet") { ArgumentList = { kelosDll, "serve", "--state-dir", state, "--urls", url } };
        Isolate(info, secret);
        info.Environment["KELOS_GITHUB_APP_ID"] = app?.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "1";
        info.Environment["KELOS_GITHUB_PRIVATE_KEY_FILE"] = app?.PrivateKeyFile ?? WriteThrowawayKey(workDirectory);
        info.Environment["KELOS_GITHUB_API_URL"] = app?.ApiUrl.ToString() ?? $"http://127.0.0.1:{FreePort.Next()}";
        if (app is not null)
        {
            info.Environment["KELOS_GITHUB_APP_SLUG"] = app.Slug;
            info.ArgumentList.Add("--config-dir");
            info.ArgumentList.Add(app.ConfigDirectory);
        }

        if (rabbitMqUrl is not null)
        {
            info.Environment[RabbitMqUrlVariable] = rabbitMqUrl.ToString();
        }

        var server = await ChildServer.StartAsync(info, new Uri(url + "/readyz"), Path.Combine(workDirectory, "kelos-serve.log"), StartTimeout, cancellationToken);
        return new WebhookTarget(new Uri(url + CeilingServer.WebhookPath), Encoding.UTF8.GetBytes(secret), server);
    }

    private static string WriteThrowawayKey(string workDirectory)
    {
        using var rsa = RSA.Create(2048);
        var path = Path.Combine(workDirectory, "throwaway-app-key.pem");
        File.WriteAllText(path, rsa.ExportRSAPrivateKeyPem());
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    /// <summary>
    /// No Kelos setting of the caller's shell leaks in (a GitHub App, a config directory, a broker): only the secret,
    /// and the bus settings being measured (<c>KELOS_BUS_CONCURRENCY</c>, <c>KELOS_BUS_REDELIVERY</c>).
    /// </summary>
    private static void Isolate(ProcessStartInfo info, string secret)
    {
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("KELOS_", StringComparison.Ordinal) && !k.StartsWith("KELOS_BUS_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment[SecretVariable] = secret;
        info.Environment["DOTNET_NOLOGO"] = "1";
    }

    private static ProcessStartInfo SelfCommand(params string[] arguments)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which executable this is");
        var info = new ProcessStartInfo(host);
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(typeof(TargetLauncher).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }
}
