using System.Text;

namespace Kelos.GitHub.Tests.Reporting;

/// <summary>
/// Random but balanced Markdown in the shape of what agents answer: paragraphs, lists, code fences of both kinds and
/// lengths (holding literal &lt;details&gt; tags and shorter fences), nested &lt;details&gt; with their summaries
/// written every way, very long lines, emoji. The same seed gives the same document.
/// </summary>
internal sealed class MarkdownDocuments(int seed, int budget)
{
    private static readonly string[] Words =
    [
        "the", "agent", "changed", "Kelos", "task", "branch", "`dotnet test`", "**done**", "_maybe_", "😀", "👩‍💻", "🚀",
        "日本語", "naïve", "<details>", "</details>", "```inline```", "~~~", "[link](https://example.com)", "|", "—",
    ];

    private const int PlainWords = 6;

    private static readonly string[] InfoStrings = ["", "csharp", "text title=\"log\"", "diff", " bash ", "json {\"a\": 1}"];

    private readonly Random _random = new(seed);

    public string Next(int length, bool crlf)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            AppendBlock(text, depth: 0);
        }

        return crlf ? text.Replace("\n", "\r\n").ToString() : text.ToString();
    }

    private void AppendBlock(StringBuilder text, int depth)
    {
        var roll = _random.Next(100);
        if (roll < 30)
        {
            AppendParagraph(text);
        }
        else if (roll < 40)
        {
            for (var i = _random.Next(1, 8); i > 0; i--)
            {
                text.Append("- ").Append(Sentence(_random.Next(3, 20))).Append('\n');
            }
        }
        else if (roll < 60)
        {
            AppendFence(text);
        }
        else if (roll < 75 && depth < 4)
        {
            AppendDetails(text, depth);
        }
        else if (roll < 80)
        {
            text.Append(HugeLine()).Append('\n');
        }
        else
        {
            text.Append(Sentence(_random.Next(50, 600))).Append('\n');
        }

        text.Append('\n', _random.Next(4) == 0 ? 0 : _random.Next(1, 3));
    }

    private void AppendParagraph(StringBuilder text)
    {
        for (var i = _random.Next(1, 6); i > 0; i--)
        {
            text.Append(Sentence(_random.Next(3, 30))).Append('\n');
        }
    }

    private void AppendFence(StringBuilder text)
    {
        var fence = _random.Next(2) == 0 ? '`' : '~';
        var other = fence == '`' ? '~' : '`';
        var length = _random.Next(3, 7);
        var indent = new string(' ', _random.Next(4));
        var info = fence == '`' ? InfoStrings[_random.Next(InfoStrings.Length)] : InfoStrings[_random.Next(InfoStrings.Length)] + " `x`";
        text.Append(indent).Append(fence, length).Append(info).Append('\n');

        for (var i = _random.Next(0, Math.Max(2, budget / 40)); i > 0; i--)
        {
            var line = _random.Next(20) switch
            {
                0 => "<details>",
                1 => "</details>",
                2 => "<details open><summary>not a block</summary>",
                3 => new string(other, length + 1),
                4 => length > 3 ? new string(fence, length - 1) : "``",
                5 => "    " + new string(fence, length + 2),
                6 => new string(fence, length) + "not a closing fence",
                7 => "",
                8 => HugeLine(),
                _ => "    " + Sentence(_random.Next(2, 20)),
            };
            text.Append(line).Append('\n');
        }

        text.Append(new string(' ', _random.Next(4))).Append(fence, length + _random.Next(3)).Append(' ', _random.Next(2)).Append('\n');
    }

    private void AppendDetails(StringBuilder text, int depth)
    {
        var tag = _random.Next(4) switch
        {
            0 => "<details>",
            1 => "<details open>",
            2 => "<DETAILS class=\"log\">",
            _ => "<details\topen>",
        };
        var title = Sentence(_random.Next(1, 8), plain: true);
        switch (_random.Next(4))
        {
            case 0:
                text.Append(tag).Append("<summary>").Append(title).Append("</summary>\n");
                break;
            case 1:
                text.Append(tag).Append('\n').Append("<summary>").Append(title).Append("</summary>\n");
                break;
            case 2:
                text.Append(tag).Append("\n<summary>\n").Append(title).Append("\n</summary>\n");
                break;
            default:
                text.Append(tag).Append('\n');
                break;
        }

        text.Append('\n');
        for (var i = _random.Next(1, 7); i > 0; i--)
        {
            AppendBlock(text, depth + 1);
        }

        text.Append(_random.Next(3) == 0 ? "  </details>\n" : "</details>\n");
    }

    private string HugeLine()
    {
        var length = _random.Next(budget / 2, budget * 5 / 2);
        return _random.Next(4) switch
        {
            0 => string.Concat(Enumerable.Repeat("😀", length / 2)),
            1 => "a" + string.Concat(Enumerable.Repeat("👩‍💻", length / 5)),
            2 => new string('x', length),
            _ => Sentence(length / 6),
        };
    }

    private string Sentence(int words, bool plain = false)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            // A line never starts with a tag or a fence: those are written on purpose, balanced.
            text.Append(i == 0 ? "" : " ").Append(Words[_random.Next(i == 0 || plain ? PlainWords : Words.Length)]);
        }

        return text.ToString();
    }
}
