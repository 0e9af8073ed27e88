using k8s.Models;
using Kelos.Core.Resources;

namespace Kelos.Core.Loading.Rules;

/// <summary><c>podOverrides</c>: no reserved environment variables, container names or volume names.</summary>
internal static class PodOverridesRules
{
    public static void Check(PodOverrides? overrides, string path, RuleContext context)
    {
        if (overrides is null)
        {
            return;
        }

        CheckEnv(overrides.Env, $"{path}.env", context);
        CheckContainers(overrides.ExtraContainers, $"{path}.extraContainers", context);
        CheckContainers(overrides.ExtraInitContainers, $"{path}.extraInitContainers", context);
        CheckVolumes(overrides.Volumes, $"{path}.volumes", context);
    }

    private static void CheckEnv(List<V1EnvVar>? env, string path, RuleContext context)
    {
        for (var i = 0; i < (env?.Count ?? 0); i++)
        {
            var name = env![i].Name;
            if (string.IsNullOrEmpty(name))
            {
                context.ErrorAtKey($"{path}[{i}].name", "missing required field \"name\"");
            }
            else if (ReservedNames.EnvironmentVariables.Contains(name))
            {
                context.Error($"{path}[{i}].name", $"environment variable \"{name}\" is set by Kelos and cannot be overridden");
            }
        }
    }

    private static void CheckContainers(List<V1Container>? containers, string path, RuleContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (containers?.Count ?? 0); i++)
        {
            var name = containers![i].Name;
            var namePath = $"{path}[{i}].name";
            if (string.IsNullOrEmpty(name))
            {
                context.ErrorAtKey(namePath, "missing required field \"name\"");
            }
            else if (name.StartsWith(ReservedNames.KelosPrefix, StringComparison.Ordinal))
            {
                context.Error(namePath, $"container name \"{name}\" is reserved: names starting with \"{ReservedNames.KelosPrefix}\" belong to Kelos");
            }
            else if (ReservedNames.InitContainers.Contains(name))
            {
                context.Error(namePath, $"container name \"{name}\" is reserved for a Kelos init container");
            }
            else if (!seen.Add(name))
            {
                context.Error(namePath, $"duplicate container name \"{name}\"");
            }
        }
    }

    private static void CheckVolumes(List<V1Volume>? volumes, string path, RuleContext context)
    {
        for (var i = 0; i < (volumes?.Count ?? 0); i++)
        {
            var name = volumes![i].Name;
            var namePath = $"{path}[{i}].name";
            if (string.IsNullOrEmpty(name))
            {
                context.ErrorAtKey(namePath, "missing required field \"name\"");
            }
            else if (ReservedNames.Volumes.Contains(name) || name.StartsWith(ReservedNames.KelosPrefix, StringComparison.Ordinal))
            {
                context.Error(namePath, $"volume name \"{name}\" is reserved by Kelos");
            }
        }
    }
}
