using System.Text;

namespace SmartBranch.Portal.Modules.Help;

/// <summary>A section that matched, with the words around the first match in its text.</summary>
/// <param name="Before">Text before the match, shortened at its start.</param>
/// <param name="After">Text after the match, shortened at its end.</param>
public sealed record ManualSearchHit(ManualSection Section, string Before, string Match, string After);

/// <summary>
/// Plain substring search: every word of the query (split at spaces) must occur in the section's title or text.
/// Width and case are ignored (ＬＩＮＥ finds LINE); titles that match come first.
/// </summary>
public static class ManualSearch
{
    private const int ContextBefore = 30;
    private const int ContextAfter = 60;

    public static IReadOnlyList<ManualSearchHit> Find(IEnumerable<ManualSection> sections, string query)
    {
        var words = Fold(query).Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return [];
        }

        return sections
            .Select(section => (section, title: Fold(section.Title), text: Fold(section.PlainText)))
            .Where(s => words.All(w => s.title.Contains(w, StringComparison.OrdinalIgnoreCase) || s.text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(s => words.Any(w => s.title.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Select(s => Snippet(s.section, s.text, words[0]))
            .ToList();
    }

    // NFKC changes the length of some characters (㍻ becomes 平成), so the snippet is cut from the folded text.
    private static ManualSearchHit Snippet(ManualSection section, string foldedText, string word)
    {
        var at = foldedText.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            var lead = Math.Min(foldedText.Length, ContextBefore + ContextAfter);
            return new ManualSearchHit(section, "", "", foldedText[..lead] + (lead < foldedText.Length ? "…" : ""));
        }

        var start = Math.Max(0, at - ContextBefore);
        var end = Math.Min(foldedText.Length, at + word.Length + ContextAfter);
        return new ManualSearchHit(
            section,
            (start > 0 ? "…" : "") + foldedText[start..at],
            foldedText.Substring(at, word.Length),
            foldedText[(at + word.Length)..end] + (end < foldedText.Length ? "…" : ""));
    }

    private static string Fold(string text) => text.Normalize(NormalizationForm.FormKC);
}
