namespace Kelos.Core.Tests.Loading;

public class SecretRuleTests
{
    [Fact]
    public void LoadText_DataValueNotBase64_PointsToStringData()
    {
        LoadAssert.SingleError(
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: key
            data:
              ANTHROPIC_API_KEY: sk-ant-plain!
            """,
            6,
            22,
            "data.ANTHROPIC_API_KEY",
            "value of \"ANTHROPIC_API_KEY\" is not valid base64 (put plain text under stringData)");
    }
}
