using k8s.Models;

namespace Kelos.Runtime.Kubernetes;

/// <summary>
/// The Pod Security Standard "restricted" profile on the pod and on every container: non-root UID/GID 61100,
/// fsGroup 61100, no privilege escalation, all capabilities dropped, seccomp RuntimeDefault. A
/// <c>podOverrides</c> security context may set other fields (or another non-root UID for a custom image) but
/// cannot weaken these; trying to fails with the field named.
/// </summary>
internal static class RestrictedSecurity
{
    private const string RuntimeDefault = "RuntimeDefault";

    public static V1PodSecurityContext Pod(V1PodSecurityContext? requested, string field)
    {
        var context = requested ?? new V1PodSecurityContext();
        Refuse(context.RunAsNonRoot == false, $"{field}.runAsNonRoot", "must stay true: agents never run as root");
        Refuse(context.RunAsUser == 0, $"{field}.runAsUser", "must not be 0: agents never run as root");
        Refuse(context.SeccompProfile is { } profile && profile.Type != RuntimeDefault && profile.Type != "Localhost", $"{field}.seccompProfile.type", "must be RuntimeDefault or Localhost");
        context.RunAsNonRoot = true;
        context.RunAsUser ??= PodLayout.AgentUid;
        context.RunAsGroup ??= PodLayout.AgentUid;
        context.FsGroup ??= PodLayout.AgentUid;
        context.SeccompProfile ??= new V1SeccompProfile { Type = RuntimeDefault };
        return context;
    }

    public static V1SecurityContext Container(V1SecurityContext? requested, string field)
    {
        var context = requested ?? new V1SecurityContext();
        Refuse(context.Privileged == true, $"{field}.privileged", "must not be true");
        Refuse(context.AllowPrivilegeEscalation == true, $"{field}.allowPrivilegeEscalation", "must stay false");
        Refuse(context.RunAsNonRoot == false, $"{field}.runAsNonRoot", "must stay true: agents never run as root");
        Refuse(context.RunAsUser == 0, $"{field}.runAsUser", "must not be 0: agents never run as root");
        Refuse(context.Capabilities?.Add is { Count: > 0 }, $"{field}.capabilities.add", "must be empty: every capability is dropped");
        Refuse(context.SeccompProfile is { } profile && profile.Type != RuntimeDefault && profile.Type != "Localhost", $"{field}.seccompProfile.type", "must be RuntimeDefault or Localhost");
        context.Privileged = null;
        context.AllowPrivilegeEscalation = false;
        context.RunAsNonRoot = true;
        context.RunAsUser ??= PodLayout.AgentUid;
        context.RunAsGroup ??= PodLayout.AgentUid;
        context.Capabilities = new V1Capabilities { Drop = ["ALL"] };
        context.SeccompProfile ??= new V1SeccompProfile { Type = RuntimeDefault };
        return context;
    }

    private static void Refuse(bool condition, string field, string message)
    {
        if (condition)
        {
            throw new TaskJobException(field, message);
        }
    }
}
