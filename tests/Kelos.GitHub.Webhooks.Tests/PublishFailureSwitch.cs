namespace Kelos.GitHub.Webhooks.Tests;

/// <summary>Makes every publish throw while on, as a broker that is down would.</summary>
public sealed class PublishFailureSwitch
{
    private volatile bool _fail;

    public bool Fail
    {
        get => _fail;
        set => _fail = value;
    }
}
