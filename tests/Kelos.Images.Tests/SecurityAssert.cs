namespace Kelos.Images.Tests;

/// <summary>Checks what <see cref="PodTask.SecurityProbe"/> printed inside the agent container.</summary>
internal static class SecurityAssert
{
    /// <summary>
    /// UID/GID 61100, no capabilities, no privilege escalation (<c>no_new_privs</c>), a seccomp filter, and
    /// <paramref name="pid1"/> as PID 1 (its name as the kernel keeps it, at most 15 characters).
    /// </summary>
    public static void Restricted(string standardError, string pid1)
    {
        Assert.Contains("---KELOS_SETUP_COMMAND_DONE---", standardError, StringComparison.Ordinal);
        Assert.Contains("uid=61100(kelos) gid=61100(kelos)", standardError, StringComparison.Ordinal);
        Assert.Contains("CapEff:\t0000000000000000", standardError, StringComparison.Ordinal);
        Assert.Contains("NoNewPrivs:\t1", standardError, StringComparison.Ordinal);
        Assert.Contains("Seccomp:\t2", standardError, StringComparison.Ordinal);
        var lines = standardError.Split('\n');
        Assert.Equal($"pid1={pid1}", lines.Single(l => l.StartsWith("pid1=", StringComparison.Ordinal)));
    }
}
