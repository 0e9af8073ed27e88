using Kelos.Core.Resources;

namespace Kelos.Core.Loading.Rules;

/// <summary>Rules for a Workspace: clone URL, remotes, files written into the clone, setup command.</summary>
internal static class WorkspaceRules
{
    public static void Check(Workspace workspace, RuleContext context)
    {
        var spec = workspace.Spec;
        if (spec.Repo.Length > 0 && !RepositoryUrls.IsValid(spec.Repo))
        {
            context.Error("spec.repo", $"repo \"{spec.Repo}\" is not a clone URL or local path: {RepositoryUrls.Rule}");
        }

        if (spec.SecretRef is not null)
        {
            Names.CheckSubdomain(context, "spec.secretRef.name", spec.SecretRef.Name, "Secret name");
        }

        CheckRemotes(spec.Remotes, context);
        CheckFiles(spec.Files, context);
        CheckSetupCommand(spec.SetupCommand, context);
    }

    private static void CheckRemotes(List<WorkspaceRemote>? remotes, RuleContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (remotes?.Count ?? 0); i++)
        {
            var remote = remotes![i];
            var namePath = $"spec.remotes[{i}].name";
            if (remote.Name == ReservedNames.OriginRemote)
            {
                context.Error(namePath, "remote name \"origin\" is reserved for the cloned repository");
            }
            else if (remote.Name.Length > 0 && !seen.Add(remote.Name))
            {
                context.Error(namePath, $"duplicate remote name \"{remote.Name}\"");
            }

            if (remote.Url.Length > 0 && !RepositoryUrls.IsValid(remote.Url))
            {
                context.Error($"spec.remotes[{i}].url", $"url \"{remote.Url}\" is not a clone URL or local path: {RepositoryUrls.Rule}");
            }
        }
    }

    private static void CheckFiles(List<WorkspaceFile>? files, RuleContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (files?.Count ?? 0); i++)
        {
            var path = $"spec.files[{i}].path";
            var problem = WorkspaceFilePaths.Problem(files![i].Path);
            if (problem is not null)
            {
                context.Error(path, problem);
            }
            else if (!seen.Add(WorkspaceFilePaths.Normalize(files[i].Path)))
            {
                context.Error(path, $"duplicate file path \"{files[i].Path}\"");
            }
        }
    }

    private static void CheckSetupCommand(List<string>? command, RuleContext context)
    {
        if (command is null)
        {
            return;
        }

        if (command.Count == 0)
        {
            context.ErrorAtKey("spec.setupCommand", "setupCommand must not be empty: give the program and its arguments");
        }

        for (var i = 0; i < command.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(command[i]))
            {
                context.Error($"spec.setupCommand[{i}]", "setupCommand entries must not be empty");
            }
        }
    }
}
