using k8s.Models;

namespace Kelos.Core.Tests.Crds;

/// <summary>
/// The required fields of the Kubernetes types the CRDs spell out, as the upstream OpenAPI has them. KubernetesClient's
/// model classes do not carry that information, so it is written down here (and a test checks each name exists).
/// </summary>
internal static class KubernetesRequiredFields
{
    public static readonly IReadOnlyDictionary<Type, IReadOnlyList<string>> All = new Dictionary<Type, IReadOnlyList<string>>
    {
        [typeof(V1EnvVar)] = ["name"],
        [typeof(V1ConfigMapKeySelector)] = ["key"],
        [typeof(V1SecretKeySelector)] = ["key"],
        [typeof(V1ObjectFieldSelector)] = ["fieldPath"],
        [typeof(V1ResourceFieldSelector)] = ["resource"],
        [typeof(V1FileKeySelector)] = ["key", "path", "volumeName"],
        [typeof(Corev1ResourceClaim)] = ["name"],
        [typeof(V1VolumeMount)] = ["name", "mountPath"],
        [typeof(V1NodeSelector)] = ["nodeSelectorTerms"],
        [typeof(V1NodeSelectorRequirement)] = ["key", "operator"],
        [typeof(V1PreferredSchedulingTerm)] = ["preference", "weight"],
        [typeof(V1PodAffinityTerm)] = ["topologyKey"],
        [typeof(V1WeightedPodAffinityTerm)] = ["podAffinityTerm", "weight"],
        [typeof(V1LabelSelectorRequirement)] = ["key", "operator"],
        [typeof(V1SeccompProfile)] = ["type"],
        [typeof(V1AppArmorProfile)] = ["type"],
        [typeof(V1Sysctl)] = ["name", "value"],
        [typeof(V1PodFailurePolicy)] = ["rules"],
        [typeof(V1PodFailurePolicyRule)] = ["action"],
        [typeof(V1PodFailurePolicyOnExitCodesRequirement)] = ["operator", "values"],
        [typeof(V1PodFailurePolicyOnPodConditionsPattern)] = ["type"],
        [typeof(V1Condition)] = ["type", "status", "lastTransitionTime", "reason", "message"],
    };

    public static IReadOnlyList<string> Of(Type type) => All.TryGetValue(type, out var fields) ? fields : [];
}
