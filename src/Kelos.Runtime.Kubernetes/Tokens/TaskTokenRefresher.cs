using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Kelos.Core.Runtime;
using Kelos.Runtime.Kubernetes.Api;
using Microsoft.Extensions.Logging;

namespace Kelos.Runtime.Kubernetes.Tokens;

/// <summary>
/// Keeps a running Task's GitHub App installation token fresh: when <see cref="TokenRefreshSchedule.Every"/> has passed
/// since the token in the per-Task Secret was minted (the <see cref="IssuedAtAnnotation"/>, so a restarted controller
/// knows the age of the token it finds), it mints another and patches the Secret. The pod's git credential helper
/// reads the mounted Secret file on every call, and the kubelet updates that file, so the agent's next fetch or push
/// uses the new token. A failed mint is logged (never the token) and tried again after
/// <see cref="TokenRefreshSchedule.RetryAfter"/>; the old token stays until one works. A Secret without the annotation
/// holds a copied <c>GITHUB_TOKEN</c> and is left alone. Runs until its token is cancelled (the Task ended or the controller detached).
/// </summary>
internal sealed class TaskTokenRefresher(
    IKubernetes client, string @namespace, ApiRetry retry, IGitHubTokenIssuer? tokens, TokenRefreshSchedule schedule, TimeProvider time, ILogger logger)
{
    public const string IssuedAtAnnotation = "kelos.dev/token-issued-at";

    /// <summary>Notes on a per-Task Secret when its token was minted.</summary>
    public static void MarkIssued(V1ObjectMeta metadata, DateTimeOffset at)
    {
        metadata.Annotations ??= new Dictionary<string, string>();
        metadata.Annotations[IssuedAtAnnotation] = Text(at);
    }

    /// <summary>Refreshes the token of <paramref name="request"/>'s Task until cancelled; never throws.</summary>
    public async Task KeepFreshAsync(TaskRunRequest request, CancellationToken cancellationToken)
    {
        var task = request.Task.Name;
        var secretName = TaskSecretBuilder.NameFor(request.Task);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var secret = await retry.RunAsync(t => client.CoreV1.ReadNamespacedSecretAsync(secretName, @namespace, cancellationToken: t), cancellationToken);
                if (IssuedAt(secret) is not { } issued)
                {
                    return;
                }

                var now = time.GetUtcNow();
                if (issued + schedule.Every > now)
                {
                    await Task.Delay(issued + schedule.Every - now, time, cancellationToken);
                    continue;
                }

                var source = TaskTokenSource.Resolve(request, tokens);
                if (!source.Refreshable)
                {
                    return;
                }

                var token = await source.TokenAsync(cancellationToken);
                await retry.RunAsync(t => client.CoreV1.PatchNamespacedSecretAsync(Patch(token, Retired(secret), time.GetUtcNow()), secretName, @namespace, cancellationToken: t), cancellationToken);
                logger.LogInformation("The GitHub token of Task {TaskName} was refreshed", task);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(
                    "Refreshing the GitHub token of Task {TaskName} failed ({Error}); the current token stays, trying again in {RetryAfter}",
                    task, e.Message, schedule.RetryAfter);
                try
                {
                    await Task.Delay(schedule.RetryAfter, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static V1Patch Patch(string token, string retired, DateTimeOffset issued)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [IssuedAtAnnotation] = Text(issued) } },
            ["data"] = new JsonObject
            {
                [TaskSecretBuilder.TokenKey] = Convert.ToBase64String(Encoding.UTF8.GetBytes(token)),
                [TaskSecretBuilder.RetiredTokensKey] = Convert.ToBase64String(Encoding.UTF8.GetBytes(retired)),
            },
        };
        return new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch);
    }

    /// <summary>
    /// The tokens this Task had before, the current one included: the agent's environment keeps its first token for
    /// the whole run, so the log is masked by every token the pod ever saw (the key is not mounted in the pod).
    /// </summary>
    private static string Retired(V1Secret secret)
    {
        string Value(string key) => secret.Data?.TryGetValue(key, out var bytes) == true ? Encoding.UTF8.GetString(bytes) : "";
        return string.Join('\n', new[] { Value(TaskSecretBuilder.RetiredTokensKey), Value(TaskSecretBuilder.TokenKey) }.Where(v => v.Length > 0));
    }

    private static DateTimeOffset? IssuedAt(V1Secret secret) =>
        secret.Metadata?.Annotations is { } annotations && annotations.TryGetValue(IssuedAtAnnotation, out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static string Text(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
