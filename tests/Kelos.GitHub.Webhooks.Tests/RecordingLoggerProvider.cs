using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kelos.GitHub.Webhooks.Tests;

/// <summary>Keeps every log line (message and exception), to check what reaches the logs.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(_lines, categoryName);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
