using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Kelos.Testing;

namespace Kelos.Cli.Tests.Cluster;

/// <summary>
/// One <c>kelos serve --role …</c> process, as one Deployment of a cluster install runs it: its own state directory,
/// its own port for the probes (and the webhook), only the environment given (KELOS_* of the test run removed).
/// </summary>
public sealed class RoleProcess : IDisposable
{
    private readonly KelosCli _kelos = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Process? _process;

    public RoleProcess(string role)
    {
        Role = role;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
    }

    public string Role { get; }

    /// <summary><c>http://127.0.0.1:PORT/</c>: <c>/healthz</c>, <c>/readyz</c> (and the webhook, for that role).</summary>
    public Uri BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_kelos.ServerOutput)
            {
                return string.Join('\n', _kelos.ServerOutput);
            }
        }
    }

    /// <summary>Starts the process and waits until <c>/readyz</c> answers 200 (its bus is connected).</summary>
    public async Task StartAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var env = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("KELOS_", StringComparison.Ordinal) || k == "KUBECONFIG")
            .ToDictionary(k => k, _ => (string?)null);
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment)
        {
            env[name] = value;
        }

        _process = _kelos.StartServe(env, ["--role", Role, "--urls", BaseUrl.ToString().TrimEnd('/'), .. args]);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await StatusAsync("readyz") != HttpStatusCode.OK)
        {
            Assert.False(_process.HasExited, $"kelos serve --role {Role} exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{Output}");
            Assert.True(DateTime.UtcNow < deadline, $"kelos serve --role {Role} was not ready within 60 s:\n{Output}");
            await Task.Delay(100);
        }
    }

    public async Task<HttpStatusCode?> StatusAsync(string path)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(BaseUrl, path));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _kelos.Dispose();
        _http.Dispose();
    }
}
