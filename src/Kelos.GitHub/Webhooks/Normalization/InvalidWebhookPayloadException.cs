namespace Kelos.GitHub.Webhooks.Normalization;

/// <summary>A payload that is JSON of the right shape but lacks something its event always carries.</summary>
public sealed class InvalidWebhookPayloadException : Exception
{
    public InvalidWebhookPayloadException()
    {
    }

    public InvalidWebhookPayloadException(string message)
        : base(message)
    {
    }

    public InvalidWebhookPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
