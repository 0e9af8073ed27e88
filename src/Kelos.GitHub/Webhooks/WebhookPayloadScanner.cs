using System.Text.Json;

namespace Kelos.GitHub.Webhooks;

/// <summary>
/// One cheap pass over the body before anything else looks at it: is it a JSON object, and what is its top-level
/// <c>action</c>? Deciding whether Kelos handles a delivery needs no more than that.
/// </summary>
internal static class WebhookPayloadScanner
{
    public static bool TryScan(ReadOnlySpan<byte> body, out string? action, out string problem)
    {
        action = null;
        problem = "";
        if (body.IsEmpty)
        {
            problem = "body is empty: a webhook payload is a JSON object";
            return false;
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = "body is not a JSON object (is the webhook's content type application/json?)";
                return false;
            }

            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("action"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        problem = "payload's action is not a string";
                        return false;
                    }

                    action = reader.GetString();
                }
            }

            return true;
        }
        catch (JsonException e)
        {
            problem = $"body is not JSON (is the webhook's content type application/json?): {e.Message}";
            return false;
        }
    }
}
