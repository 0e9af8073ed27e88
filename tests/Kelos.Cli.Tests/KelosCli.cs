using System.Diagnostics;
using Kelos.Testing;

namespace Kelos.Cli.Tests;

/// <summary>
/// The real <c>kelos</c> executable, run as a user runs it, on a state directory of its own. Long-running
/// <c>kelos serve</c> processes are started in the background and killed on dispose.
/// </summary>
public sealed class KelosCli : IDisposable
{
    private readonly List<Process> _servers = [];

    public KelosCli()
    {
        Root = Directory.CreateTempSubdirectory("kelos-cli-").FullName;
        StateDir = Path.Combine(Root, "state");
    }

    public string Root { get; }

    /// <summary>What the <c>kelos serve</c> processes printed, for failure messages.</summary>
    public List<string> ServerOutput { get; } = [];

    public string StateDir { get; }

    /// <summary>The apphost in Kelos.Cli's own build output, of the same configuration as this test run.</summary>
    public static string Executable { get; } = Path.Combine(
        RepositoryRoot.Find(), "src", "Kelos.Cli", "bin", new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "kelos");

    public Task<CommandResult> RunAsync(params string[] args) => RunAsync(args, TimeSpan.FromMinutes(3));

    public Task<CommandResult> RunAsync(string[] args, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null) =>
        CommandRunner.RunAsync(Executable, [.. args, "--state-dir", StateDir], Root, environment, timeout);

    /// <summary>Starts <c>kelos serve</c> and waits until it leads the state directory.</summary>
    public Task<Process> StartServeAsync() => StartServeAsync(new Dictionary<string, string?>());

    /// <summary>Starts <c>kelos serve ARGS</c> with extra environment and waits until it leads the state directory.</summary>
    public async Task<Process> StartServeAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var process = StartServe(environment, args);
        for (var i = 0; i < 200 && !ControllerLocked(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(ControllerLocked(), "kelos serve did not take the controller lock");
        return process;
    }

    /// <summary>Starts <c>kelos serve ARGS</c> with extra environment (null removes a variable), without waiting for anything.</summary>
    public Process StartServe(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "serve", "--state-dir", StateDir }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (ServerOutput) { ServerOutput.Add(e.Data ?? ""); } };
        process.ErrorDataReceived += (_, e) => { lock (ServerOutput) { ServerOutput.Add(e.Data ?? ""); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _servers.Add(process);
        return process;
    }

    /// <summary>True while some process holds the state directory's controller lock.</summary>
    public bool ControllerLocked()
    {
        var file = Path.Combine(StateDir, "controller.lock");
        if (!File.Exists(file))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Polls <c>kelos get task NAME -o json</c> until its phase is one of <paramref name="phases"/>.</summary>
    public async Task<System.Text.Json.Nodes.JsonNode> WaitForPhaseAsync(string task, TimeSpan timeout, params string[] phases)
    {
        var deadline = DateTime.UtcNow + timeout;
        System.Text.Json.Nodes.JsonNode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var result = await RunAsync("get", "task", task, "-o", "json");
            if (result.ExitCode == 0)
            {
                last = System.Text.Json.Nodes.JsonNode.Parse(result.StandardOutput)!;
                if (phases.Contains(last["status"]?["phase"]?.GetValue<string>()))
                {
                    return last;
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"task {task} did not reach {string.Join("/", phases)}; last: {last?.ToJsonString()}");
    }

    /// <summary>Writes a file under the test's root and returns its path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes an executable bash script (a custom agent).</summary>
    public string Script(string relativePath, string body)
    {
        var path = Write(relativePath, "#!/usr/bin/env bash\nset -euo pipefail\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit();
            }

            server.Dispose();
        }

        _servers.Clear();

        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left to the temp cleaner.
        }
    }
}
