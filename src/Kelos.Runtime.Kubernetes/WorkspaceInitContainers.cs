using System.Text;
using System.Text.RegularExpressions;
using k8s.Models;

namespace Kelos.Runtime.Kubernetes;

/// <summary>
/// The init containers that prepare the clone, in order: <c>git-clone</c> (shallow, <c>--no-single-branch
/// --depth 1</c>; a 40-hex ref fetched and checked out detached), <c>remote-setup</c>, <c>branch-setup</c> (the
/// Task's branch checked out from origin or created; the base branch refused, as in embedded mode) and
/// <c>workspace-files</c>. Git authenticates with a credential helper that reads the token file on every call, so
/// the token never appears in arguments or the environment, and a refreshed token is picked up.
/// </summary>
internal static partial class WorkspaceInitContainers
{
    public static IEnumerable<V1Container> Create(TaskJobInput input)
    {
        var workspace = input.Workspace!.Spec;
        yield return GitClone(input);
        if (workspace.Remotes is { Count: > 0 } remotes)
        {
            yield return InitContainer.Create(
                input,
                PodLayout.RemoteSetupContainer,
                [$"cd {PodLayout.RepoDir}", .. remotes.Select(r => $"git remote add {ShellText.Quote(r.Name)} {ShellText.Quote(r.Url)}")],
                withToken: false);
        }

        yield return BranchSetup(input);
        if (workspace.Files is { Count: > 0 } files)
        {
            yield return InitContainer.Create(input, PodLayout.WorkspaceFilesContainer, files.SelectMany(f => WriteFile(f.Path, f.Content)), withToken: false);
        }
    }

    /// <summary>Refuses a branch that is the Workspace's ref before any pod runs; branch-setup refuses origin's default branch.</summary>
    public static void CheckBranch(TaskJobInput input)
    {
        var reference = input.Workspace?.Spec.Ref;
        var branch = input.Branch.StartsWith("refs/heads/", StringComparison.Ordinal) ? input.Branch["refs/heads/".Length..] : input.Branch;
        if (reference is not null && branch == reference)
        {
            throw new TaskJobException("spec.branch", BaseBranchMessage(input.Branch));
        }
    }

    private static V1Container GitClone(TaskJobInput input)
    {
        var workspace = input.Workspace!.Spec;
        var reference = workspace.Ref;
        var isCommit = reference is not null && CommitPattern().IsMatch(reference);
        var lines = new List<string>();
        var git = "git";
        if (input.UsesGitHubToken)
        {
            lines.Add($"helper={ShellText.Quote(CredentialHelper(workspace.Repo))}");
            git = "git -c credential.helper= -c \"credential.helper=$helper\"";
        }

        var branchOption = reference is not null && !isCommit ? $"--branch {ShellText.Quote(reference)} " : "";
        lines.Add($"{git} clone --no-single-branch --depth 1 {branchOption}-- {ShellText.Quote(workspace.Repo)} {PodLayout.RepoDir}");
        lines.Add($"cd {PodLayout.RepoDir}");
        if (input.UsesGitHubToken)
        {
            // Kept in the clone, so branch-setup and the agent's own fetches and pushes read the token file too.
            lines.Add("git config --add credential.helper ''");
            lines.Add("git config --add credential.helper \"$helper\"");
        }

        if (isCommit)
        {
            lines.Add($"git fetch --depth 1 origin {reference}");
            lines.Add($"git checkout --detach {reference}");
        }

        return InitContainer.Create(input, PodLayout.GitCloneContainer, lines, withToken: true);
    }

    /// <summary>A git credential helper that answers <c>get</c> with the token read from the mounted file.</summary>
    private static string CredentialHelper(string repo)
    {
        var user = GitUrl.HasUserName(repo) ? "" : "echo username=x-access-token; ";
        return $"!f() {{ test \"$1\" = get || exit 0; {user}printf 'password=%s\\n' \"$(cat {PodLayout.GitHubTokenFile})\"; }}; f";
    }

    private static V1Container BranchSetup(TaskJobInput input)
    {
        var reference = input.Workspace!.Spec.Ref;
        var lines = new List<string>
        {
            $"cd {PodLayout.RepoDir}",
            $"branch={ShellText.Quote(input.Branch)}",
            "default=$(git symbolic-ref --short refs/remotes/origin/HEAD 2>/dev/null || true)",
            "default=${default#origin/}",
            $"if [ \"$branch\" = \"$default\" ]{(reference is null ? "" : $" || [ \"$branch\" = {ShellText.Quote(reference)} ]")}; then",
            $"  echo {ShellText.Quote("kelos: " + BaseBranchMessage(input.Branch))} >&2",
            "  exit 1",
            "fi",
            "if git ls-remote --exit-code --heads origin \"$branch\" >/dev/null 2>&1; then",
            "  git fetch --depth 1 origin \"+refs/heads/$branch:refs/remotes/origin/$branch\"",
            "  git checkout -B \"$branch\" \"origin/$branch\"",
            "else",
            "  git checkout -b \"$branch\"",
            "fi",
        };
        return InitContainer.Create(input, PodLayout.BranchSetupContainer, lines, withToken: true);
    }

    /// <summary>
    /// Writes one file from base64 (any content survives). The clone is not trusted: a path whose directory
    /// resolves outside the clone, or a target that is a symbolic link, is refused rather than written through.
    /// </summary>
    private static IEnumerable<string> WriteFile(string path, string content)
    {
        var target = ShellText.Quote($"{PodLayout.RepoDir}/{path}");
        yield return $"target={target}";
        yield return "dir=$(dirname \"$target\")";
        yield return "mkdir -p \"$dir\"";
        yield return $"case \"$(cd \"$dir\" && pwd -P)/\" in {PodLayout.RepoDir}/*) ;; *) echo \"kelos: workspace file $target would be written outside the clone\" >&2; exit 1;; esac";
        yield return "if [ -L \"$target\" ]; then echo \"kelos: workspace file $target is a symbolic link in the repository; Kelos does not write through links\" >&2; exit 1; fi";
        yield return $"printf '%s' {ShellText.Quote(Convert.ToBase64String(Encoding.UTF8.GetBytes(content)))} | base64 -d > \"$target\"";
    }

    private static string BaseBranchMessage(string branch) =>
        $"the Task's branch \"{branch}\" is the Workspace's base branch; agents never work on the base branch, so give the Task a branch of its own";

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitPattern();
}
