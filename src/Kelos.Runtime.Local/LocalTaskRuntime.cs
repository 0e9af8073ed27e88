using System.Globalization;
using Kelos.Agents;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Runtime.Local.Git;
using Kelos.Runtime.Local.Processes;
using Kelos.Runtime.Local.Runs;
using Kelos.Runtime.Local.Sandbox;
using Kelos.Runtime.Local.State;
using Microsoft.Extensions.Logging;

namespace Kelos.Runtime.Local;

/// <summary>
/// The embedded runtime: each Task runs as local processes in a fresh clone under <c>runs/NAME/</c>, the agent
/// sandboxed with bubblewrap when it is installed. It does what the init containers, the entrypoint and the
/// capture step do on a cluster, so results look the same in both modes.
/// </summary>
public sealed class LocalTaskRuntime(StateDirectory state, TimeProvider time, Bubblewrap? sandbox, ILogger<LocalTaskRuntime> logger, IGitHubTokenIssuer? gitHubTokens = null) : ITaskRuntime
{
    public async Task<TaskRunResult> RunAsync(TaskRunRequest request, CancellationToken cancellationToken)
    {
        var run = new RunDirectory(state.RunDirectory(request.Task.Name));
        run.Recreate();
        using var log = new RunLog(run.KelosLog, time);
        using var deadline = new CancellationTokenSource(Clamp(request.Deadline), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await RunStepsAsync(request, run, log, linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.Step("cancelled");
            return new TaskRunResult(TaskRunOutcome.Cancelled, "Cancelled", [], new Dictionary<string, string>());
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            var seconds = request.Deadline!.Value.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            log.Step($"deadline of {seconds} s passed; stopped");
            return TaskRunResult.Failure($"Deadline exceeded: the Task ran longer than its timeout of {seconds} s (podOverrides.activeDeadlineSeconds) and was stopped");
        }
        catch (Exception e) when (e is RunFailedException or GitException)
        {
            log.Step("failed: " + e.Message);
            return TaskRunResult.Failure(log.Redact(e.Message));
        }
        finally
        {
            File.Delete(run.ProcessGroupFile);
            run.DeleteCredentials();
        }
    }

    /// <summary>Timers take at most about 49 days; a longer timeout is as good as none.</summary>
    private static TimeSpan Clamp(TimeSpan? deadline) =>
        deadline is { } d && d < TimeSpan.FromDays(45) ? d : Timeout.InfiniteTimeSpan;

    public void CleanUpAfterCrash(string taskName)
    {
        var run = new RunDirectory(state.RunDirectory(taskName));
        if (ProcessGroupRecord.KillIfAlive(run.ProcessGroupFile) is { } group)
        {
            logger.LogWarning("Stopped process group {ProcessGroup} left running for Task {TaskName}", group, taskName);
        }

        run.DeleteCredentials();
    }

    public IReadOnlyList<string> RunNames() =>
        Directory.Exists(state.RunsRoot) ? [.. Directory.EnumerateDirectories(state.RunsRoot).Select(d => Path.GetFileName(d))] : [];

    public void Forget(string taskName)
    {
        try
        {
            new RunDirectory(state.RunDirectory(taskName)).Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not remove the run directory of Task {TaskName}", taskName);
        }
    }

    private async Task<TaskRunResult> RunStepsAsync(TaskRunRequest request, RunDirectory run, RunLog log, CancellationToken cancellationToken)
    {
        var spec = request.Task.Spec;
        var adapter = AgentAdapters.For(spec.Type!);
        var baseEnv = HostEnvironment.Base(run.Home, sandbox is null ? run.Temp : "/tmp");
        var token = await WorkspaceTokenAsync(request, run, log, cancellationToken);
        var git = request.Workspace is null ? null : new GitClient(log, baseEnv, token?.File);

        PreparedClone? clone = null;
        if (request.Workspace is not null)
        {
            log.Step($"cloning {request.Workspace.Spec.Repo} (workspace {request.Workspace.Name}) onto branch {request.Branch}");
            clone = await new WorkspaceCloner(git!).PrepareAsync(request.Workspace.Spec, run.Repo, request.Branch, cancellationToken);
        }

        var credentialVariable = spec.Credentials?.Type is Credentials.ApiKey or Credentials.OAuth
            ? adapter.CredentialVariable(spec.Credentials.Type)
            : null;
        var env = AgentEnvironment.Build(request, baseEnv, clone?.BaseBranch ?? "", credentialVariable, token?.Value, token?.File, log);
        if (sandbox is not null)
        {
            env.TryAdd("IS_SANDBOX", "1");
        }
        else
        {
            log.Warn("bubblewrap (bwrap) is not installed: the agent runs as a plain process, unsandboxed");
            logger.LogWarning("bubblewrap is not installed; Task {TaskName} runs unsandboxed", request.Task.Name);
        }

        if (spec.Image is null)
        {
            var plugins = AgentConfigFiles.WritePlugins(request.AgentConfig, Path.Combine(run.Home, ".kelos", "plugins"));
            if (plugins.Count > 0)
            {
                env["KELOS_PLUGIN_DIR"] = Path.Combine(run.Home, ".kelos", "plugins");
            }

            var mcp = AgentConfigFiles.McpServersJson(request.AgentConfig, request.Secrets, log);
            if (mcp is not null)
            {
                env["KELOS_MCP_SERVERS"] = mcp;
            }
        }

        if (request.AgentConfig?.Skills.Count > 0)
        {
            log.Warn("skills packages (AgentConfig skills[]) are installed on clusters only; embedded runs skip them");
        }

        await RunSetupAsync(request, run, env, token?.File, log, cancellationToken);

        var (command, closeStdin) = AgentCommand(request, adapter, run, env);
        log.Step($"starting {(spec.Image is null ? adapter.AgentType : spec.Image)}{(sandbox is null ? "" : " in bubblewrap")}");
        var agent = await AgentProcess.RunAsync(Sandboxed(command, run, token?.File), adapter.CreateParser(), closeStdin, run, log, cancellationToken);
        log.Step($"agent exited with code {agent.ExitCode}");

        var failure = Failure(agent, spec.Image is not null, log);
        PublishedWork? work = null;
        if (clone is not null)
        {
            try
            {
                work = await new BranchPublisher(git!).CollectAsync(run.Repo, run.Root, clone, request.Workspace!.Spec.Repo, push: failure is null, cancellationToken);
                if (work.Pushed)
                {
                    log.Step($"pushed {clone.Branch} to {request.Workspace.Spec.Repo}");
                }
            }
            catch (GitException e) when (failure is null)
            {
                failure = $"The agent finished, but its branch {clone.Branch} could not be pushed: {e.Message}";
            }
        }

        var pairs = OutputsCollector.Collect(work, clone, agent);
        await File.AppendAllTextAsync(run.AgentLog, OutputsBlock.Write(pairs), cancellationToken);
        var parsed = OutputsBlock.ParseLast(File.ReadLines(run.AgentLog).TakeLast(200))!;
        return failure is null
            ? new TaskRunResult(TaskRunOutcome.Succeeded, "The agent finished", parsed.Outputs, parsed.Results)
            : new TaskRunResult(TaskRunOutcome.Failed, failure, parsed.Outputs, parsed.Results);
    }

    private static string? Failure(AgentProcessResult agent, bool customAgent, RunLog log)
    {
        if (customAgent)
        {
            return agent.ExitCode == 0 ? null : $"The agent exited with code {agent.ExitCode}{LastLines(log)}";
        }

        if (agent.Summary.Failed)
        {
            return log.Redact(agent.Summary.FailureReason ?? $"The agent failed (exit code {agent.ExitCode})") + LastLines(log);
        }

        return agent.ExitCode == 0 ? null : $"The agent exited with code {agent.ExitCode}{LastLines(log)}";
    }

    private static string LastLines(RunLog log)
    {
        var lines = log.Tail().Where(l => l.StartsWith("[agent]", StringComparison.Ordinal)).TakeLast(5).ToList();
        return lines.Count == 0 ? "" : "\n" + string.Join('\n', lines);
    }

    private static (ProcessSpec Command, bool CloseStdin) AgentCommand(TaskRunRequest request, IAgentAdapter adapter, RunDirectory run, Dictionary<string, string> env)
    {
        if (request.Task.Spec.Image is { } image)
        {
            var path = ExecutableLookup.Find(image, env["PATH"], run.Repo)
                ?? throw new RunFailedException($"image \"{image}\" is not a local executable; in embedded mode a custom agent is a program on this machine (an absolute path, a path relative to the applied file, or a name on PATH)");
            return (new ProcessSpec(path, [request.Prompt], run.Repo, env), true);
        }

        var launch = adapter.Prepare(new AgentRunContext(
            adapter.AgentType,
            request.Prompt,
            request.Task.Spec.Model,
            request.Task.Spec.Effort,
            run.Repo,
            run.Home,
            env,
            request.AgentConfig?.AgentsMd,
            env.GetValueOrDefault("KELOS_MCP_SERVERS"),
            env.TryGetValue("KELOS_PLUGIN_DIR", out var pluginRoot) ? Directory.GetDirectories(pluginRoot) : null));
        foreach (var file in launch.Files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
            File.WriteAllText(file.Path, file.Content);
        }

        foreach (var (key, value) in launch.Environment)
        {
            env[key] = value;
        }

        var executable = ExecutableLookup.Find(launch.FileName, env["PATH"], run.Repo)
            ?? throw new RunFailedException($"the {adapter.AgentType} CLI \"{launch.FileName}\" is not on PATH; install it, or name a custom agent in the Task's image");
        return (new ProcessSpec(executable, launch.Arguments, run.Repo, env), launch.CloseStdin);
    }

    private async Task RunSetupAsync(TaskRunRequest request, RunDirectory run, Dictionary<string, string> env, string? tokenFile, RunLog log, CancellationToken cancellationToken)
    {
        if (request.Workspace?.Spec.SetupCommand is not { Count: > 0 } setup)
        {
            return;
        }

        log.Output("setup", "---KELOS_SETUP_COMMAND_START---");
        var executable = ExecutableLookup.Find(setup[0], env["PATH"], run.Repo)
            ?? throw new RunFailedException($"The setup command \"{setup[0]}\" was not found (in the clone or on PATH)");
        var command = Sandboxed(new ProcessSpec(executable, setup.Skip(1).ToList(), run.Repo, env), run, tokenFile);
        var exitCode = await ChildProcess.RunAsync(
            command,
            line => log.Output("setup", line),
            line => log.Output("setup", line),
            pid => ProcessGroupRecord.Write(run.ProcessGroupFile, pid),
            cancellationToken: cancellationToken);
        if (exitCode != 0)
        {
            log.Output("setup", $"---KELOS_SETUP_COMMAND_FAILED--- exit={exitCode}");
            throw new RunFailedException($"The setup command failed with exit code {exitCode}{LastLinesOf(log, "[setup]")}");
        }

        log.Output("setup", "---KELOS_SETUP_COMMAND_DONE---");
    }

    private static string LastLinesOf(RunLog log, string prefix)
    {
        var lines = log.Tail().Where(l => l.StartsWith(prefix, StringComparison.Ordinal) && !l.Contains("---KELOS_", StringComparison.Ordinal)).TakeLast(5).ToList();
        return lines.Count == 0 ? "" : "\n" + string.Join('\n', lines);
    }

    private ProcessSpec Sandboxed(ProcessSpec command, RunDirectory run, string? tokenFile)
    {
        if (sandbox is null)
        {
            return command;
        }

        var userHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var hidden = new[] { userHome, state.Root }.Concat(HostSecretPaths.FromEnvironment()).Where(d => !string.IsNullOrEmpty(d) && d != "/").ToList();
        var readOnly = VisibleInstall(command.FileName, hidden);
        foreach (var dir in command.Environment.GetValueOrDefault("PATH", "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            // Tools installed under a hidden home (nvm, ~/.local/bin) stay usable, read-only.
            if (hidden.Any(h => Bubblewrap.IsSameOrAncestor(h, dir)))
            {
                readOnly.Add(dir);
                if (Path.GetFileName(dir) == "bin")
                {
                    readOnly.Add(Path.Combine(Path.GetDirectoryName(dir)!, "lib"));
                }
            }
        }

        if (tokenFile is not null)
        {
            readOnly.Add(tokenFile);
        }

        return sandbox.Wrap(command, [run.Repo, run.Home], hidden, readOnly);
    }

    /// <summary>
    /// What of the agent's own install must stay visible: its package (the enclosing <c>node_modules</c> for an
    /// npm CLI), or just the file itself when that directory would uncover a hidden one (a script in a home).
    /// </summary>
    private static List<string> VisibleInstall(string executable, IReadOnlyList<string> hidden)
    {
        var root = ExecutableLookup.InstallRoot(executable);
        if (!hidden.Any(h => Bubblewrap.IsSameOrAncestor(root, h)))
        {
            return [root];
        }

        var real = new FileInfo(executable).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? executable;
        return [executable, real];
    }

    /// <summary>
    /// The token git and the agent use: the Secret's <c>GITHUB_TOKEN</c>, or, for a Secret holding a GitHub App
    /// (<c>appID</c>, <c>installationID</c>, <c>privateKey</c>), an installation token minted for this Task, narrowed
    /// to its one repository. Written to a file only this user can read; the credential helper reads it.
    /// </summary>
    private async Task<WorkspaceTokenFile?> WorkspaceTokenAsync(TaskRunRequest request, RunDirectory run, RunLog log, CancellationToken cancellationToken)
    {
        var secretName = request.Workspace?.Spec.SecretRef?.Name;
        if (secretName is null)
        {
            return null;
        }

        var secret = request.Secrets(secretName)
            ?? throw new RunFailedException($"Secret \"{secretName}\" (workspace {request.Workspace!.Name} secretRef) does not exist; create it with kelos apply -f");
        var readOnly = request.Task.Metadata.Annotations is { } annotations && annotations.TryGetValue(KelosAnnotations.GitHubTokenAccess, out var access) && access == "read";
        var token = secret.Get("GITHUB_TOKEN") ?? await AppTokenAsync(secret, request.Workspace!, readOnly, log, cancellationToken);
        log.AddSecret(token);
        var file = Path.Combine(run.Credentials, "github-token");
        AtomicFile.WriteAllText(file, token, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new WorkspaceTokenFile(token, file);
    }

    private async Task<string> AppTokenAsync(Secret secret, Workspace workspace, bool readOnly, RunLog log, CancellationToken cancellationToken)
    {
        var name = secret.Name;
        if (secret.Get(GitHubAppSecret.AppIdKey) is not { } appId || secret.Get(GitHubAppSecret.InstallationIdKey) is not { } installationId
            || secret.Get(GitHubAppSecret.PrivateKeyKey) is not { } key)
        {
            throw new RunFailedException($"Secret \"{name}\" has neither a GITHUB_TOKEN key nor a GitHub App ({GitHubAppSecret.AppIdKey}, {GitHubAppSecret.InstallationIdKey}, {GitHubAppSecret.PrivateKeyKey})");
        }

        if (sandbox is null)
        {
            // The App's private key sits in the state directory; only bubblewrap keeps an agent from reading it.
            throw new RunFailedException($"Secret \"{name}\" holds a GitHub App's private key; such Tasks run only sandboxed, so the agent cannot reach the key: install bubblewrap");
        }

        if (gitHubTokens is null)
        {
            throw new RunFailedException($"Secret \"{name}\" holds a GitHub App; minting its tokens needs kelos serve configured as that App (KELOS_GITHUB_APP_ID, KELOS_GITHUB_PRIVATE_KEY_FILE, KELOS_GITHUB_API_URL)");
        }

        if (!long.TryParse(appId, CultureInfo.InvariantCulture, out var app) || !long.TryParse(installationId, CultureInfo.InvariantCulture, out var installation))
        {
            throw new RunFailedException($"Secret \"{name}\": {GitHubAppSecret.AppIdKey} and {GitHubAppSecret.InstallationIdKey} must be numbers");
        }

        var (owner, repository) = RepositoryName.Of(workspace.Spec.Repo)
            ?? throw new RunFailedException($"workspace {workspace.Name}: cannot tell owner/repository from \"{workspace.Spec.Repo}\" to narrow the App token to it");
        log.AddSecret(key);
        log.Step($"minting a {(readOnly ? "read-only" : "read-write")} installation token for {owner}/{repository} only");
        try
        {
            return await gitHubTokens.IssueAsync(new GitHubAppSecret(app, installation, key), owner, repository, readOnly, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new RunFailedException($"GitHub refused an installation token for {owner}/{repository}: {log.Redact(e.Message)}");
        }
    }

    private sealed record WorkspaceTokenFile(string Value, string File);
}
