namespace Kelos.GitHub.Webhooks.Tests;

/// <summary>Makes every publish throw while on, as a broker that is down would, or hang, as one that never confirms.</summary>
public sealed class PublishFailureSwitch
{
    private volatile bool _fail;
    private volatile bool _hang;

    public bool Hang
    {
        get => _hang;
        set => _hang = value;
    }

    public bool Fail
    {
        get => _fail;
        set => _fail = value;
    }
}
