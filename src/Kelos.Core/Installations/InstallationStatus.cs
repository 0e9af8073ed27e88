namespace Kelos.Core.Installations;

/// <summary>The status an <see cref="InstallationRecord"/> shows.</summary>
public static class InstallationStatus
{
    /// <summary>Installed and usable.</summary>
    public const string Active = "Active";

    /// <summary>Installed, but suspended by the account: GitHub refuses its tokens until it is unsuspended.</summary>
    public const string Suspended = "Suspended";

    /// <summary>Uninstalled.</summary>
    public const string Removed = "Removed";
}
