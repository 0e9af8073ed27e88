using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kelos.GitHub.Webhooks.Tests;

/// <summary>No secret, no start: and the message says how to give one.</summary>
public sealed class WebhookStartupTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kelos-webhook-start-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Start_WithoutASecret_FailsNamingBothVariables()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            WebhookTestServer.StartAsync(_root, new Dictionary<string, string?> { [KelosWebhookOptions.SecretVariable] = null }));

        Assert.Contains("KELOS_WEBHOOK_SECRET ", error.Message, StringComparison.Ordinal);
        Assert.Contains("KELOS_WEBHOOK_SECRET_FILE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_WithoutASecretAndWithoutMapping_FailsOnValidateOnStart()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddKelosWebhooks(builder.Configuration);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("KELOS_WEBHOOK_SECRET_FILE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SecretFromAFileEndingInANewline_VerifiesWithTheSecretWithoutIt()
    {
        var file = Path.Combine(_root, "webhook-secret");
        await File.WriteAllTextAsync(file, WebhookTestServer.Secret + "\n");
        await using var server = await WebhookTestServer.StartAsync(Path.Combine(_root, "state"), new Dictionary<string, string?>
        {
            [KelosWebhookOptions.SecretVariable] = null,
            [KelosWebhookOptions.SecretFileVariable] = file,
        });

        using var response = await server.PostAsync("issue_comment", WebhookPayloads.Read("issue_comment", "created.payload.json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Start_SecretFileMissing_FailsNamingTheFile()
    {
        var file = Path.Combine(_root, "nope");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookTestServer.StartAsync(_root, new Dictionary<string, string?>
        {
            [KelosWebhookOptions.SecretVariable] = null,
            [KelosWebhookOptions.SecretFileVariable] = file,
        }));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("KELOS_WEBHOOK_SECRET_FILE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SecretAndSecretFileBothSet_FailsAskingForOne()
    {
        var file = Path.Combine(_root, "webhook-secret");
        await File.WriteAllTextAsync(file, "another");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookTestServer.StartAsync(_root, new Dictionary<string, string?>
        {
            [KelosWebhookOptions.SecretFileVariable] = file,
        }));

        Assert.Contains("only one", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("another", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookTestServer.Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_WithoutADeliveryLedger_FailsSayingWhatIsMissing()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [KelosWebhookOptions.SecretVariable] = "s" });
        builder.Logging.ClearProviders();
        builder.Services.AddKelosWebhooks(builder.Configuration);
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapKelosWebhooks());

        Assert.Contains("IDeliveryLedger", error.Message, StringComparison.Ordinal);
    }
}
