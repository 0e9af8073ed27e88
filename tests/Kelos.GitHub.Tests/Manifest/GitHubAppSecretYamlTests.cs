using Kelos.GitHub.Manifest;
using YamlDotNet.RepresentationModel;

namespace Kelos.GitHub.Tests.Manifest;

public sealed class GitHubAppSecretYamlTests
{
    private const string Pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0\nabc+/=\n-----END RSA PRIVATE KEY-----\n";

    [Fact]
    public void Render_KubernetesSecretWithEveryCredential()
    {
        var app = new CreatedGitHubApp(123, "kelos-acme", "Kelos Acme", new Uri("https://github.com/apps/kelos-acme"), Pem, "s3cr:et #1");

        var secret = Parse(GitHubAppSecretYaml.Render(app, new Uri("https://api.github.com/")));

        Assert.Equal("v1", Scalar(secret, "apiVersion"));
        Assert.Equal("Secret", Scalar(secret, "kind"));
        Assert.Equal("Opaque", Scalar(secret, "type"));
        Assert.Equal("kelos-github-app", Scalar((YamlMappingNode)secret["metadata"], "name"));
        var data = (YamlMappingNode)secret["stringData"];
        Assert.Equal("123", Scalar(data, "app-id"));
        Assert.Equal("kelos-acme", Scalar(data, "app-slug"));
        Assert.Equal("https://api.github.com/", Scalar(data, "api-url"));
        Assert.Equal("s3cr:et #1", Scalar(data, "webhook-secret"));
        Assert.Equal(Pem, Scalar(data, "private-key.pem"));
    }

    [Fact]
    public void Render_OtherName_NamesTheSecret()
    {
        var app = new CreatedGitHubApp(7, "k", "k", null, Pem, "x");

        var secret = Parse(GitHubAppSecretYaml.Render(app, new Uri("http://127.0.0.1:1234/"), "ghapp"));

        Assert.Equal("ghapp", Scalar((YamlMappingNode)secret["metadata"], "name"));
    }

    [Fact]
    public void CreatedGitHubApp_ToString_NamesTheAppOnly()
    {
        var app = new CreatedGitHubApp(123, "kelos-acme", "Kelos Acme", null, Pem, "webhook-secret-value");

        Assert.Equal("GitHub App kelos-acme (123)", app.ToString());
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;
}
