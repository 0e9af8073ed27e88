using System.Collections.Concurrent;

namespace Kelos.GitHub.Api;

/// <summary>Answers from GitHub kept for a while, by key: asked once, reused until they expire.</summary>
public sealed class ExpiringAnswers<T>(TimeProvider time, TimeSpan keepFor)
{
    private readonly ConcurrentDictionary<string, (T Answer, DateTimeOffset Until)> _answers = new(StringComparer.OrdinalIgnoreCase);

    public async Task<T> GetAsync(string key, Func<Task<T>> ask)
    {
        var now = time.GetUtcNow();
        if (_answers.TryGetValue(key, out var kept) && kept.Until > now)
        {
            return kept.Answer;
        }

        var answer = await ask();
        _answers[key] = (answer, now + keepFor);
        return answer;
    }
}
