using System.Collections.Concurrent;
using Kelos.Contracts;
using MassTransit;

namespace Kelos.GitHub.Webhooks.Tests;

/// <summary>
/// Every <see cref="GitHubEventReceived"/> the bus accepted, recorded by a publish observer: it runs inside
/// <c>Publish</c>, so by the time the endpoint has answered, what it published is here.
/// </summary>
public sealed class PublishedEvents : IPublishObserver
{
    private readonly ConcurrentQueue<GitHubEventReceived> _messages = new();

    public IReadOnlyList<GitHubEventReceived> Messages => [.. _messages];

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (context.Message is GitHubEventReceived message)
        {
            _messages.Enqueue(message);
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
