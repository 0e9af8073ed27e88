namespace Kelos.GitHub.Reporting;

/// <summary>How far an open <c>&lt;details&gt;</c> block's <c>&lt;summary&gt;</c> has been read.</summary>
internal enum MarkdownSummary
{
    /// <summary>A fence: it has no summary.</summary>
    None,

    /// <summary>The <c>&lt;details&gt;</c> line ended; a <c>&lt;summary&gt;</c> may follow on a later line.</summary>
    Expected,

    /// <summary>Inside a <c>&lt;summary&gt;</c> that spans lines.</summary>
    Inside,

    /// <summary>The summary (or the lack of one) is settled.</summary>
    Done,
}
