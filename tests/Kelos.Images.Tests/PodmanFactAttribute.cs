namespace Kelos.Images.Tests;

/// <summary>
/// A test that needs podman able to run containers (with runc: see <see cref="Podman"/>). Where podman is missing
/// or <c>podman info</c> fails it is skipped, saying why, unless <c>KELOS_REQUIRE_PODMAN=1</c>: then it runs and
/// fails with that reason, so a machine that should run containers cannot quietly pass without doing so.
/// </summary>
public sealed class PodmanFactAttribute : FactAttribute
{
    public PodmanFactAttribute()
    {
        if (Podman.Required)
        {
            return;
        }

        if (Podman.UnavailableReason() is { } reason)
        {
            Skip = $"{reason} (set KELOS_REQUIRE_PODMAN=1 to make this a failure; scripts/install-prereqs.sh installs podman with KELOS_PODMAN=1)";
        }
    }
}
