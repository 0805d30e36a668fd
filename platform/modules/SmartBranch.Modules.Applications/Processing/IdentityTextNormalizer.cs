using System.Globalization;
using System.Text;

namespace SmartBranch.Modules.Applications.Processing;

/// <summary>
/// Puts a name or an address into one form so that what the resident typed and what the My Number card's certificate
/// says compare equal when they differ only in how they are written:
/// <list type="bullet">
/// <item>full-width and half-width letters, digits and kana (Unicode NFKC: <c>１２３</c> → <c>123</c>, <c>ｱ</c> → <c>ア</c>);</item>
/// <item>spaces of every width, removed;</item>
/// <item>dashes and long-vowel-like marks between numbers (<c>‐ － ― ─ ー −</c>), one hyphen;</item>
/// <item>addresses only: kanji numerals as digits (<c>二十三</c> → <c>23</c>, <c>一〇五</c> → <c>105</c>), and the 番地 words
/// 丁目, 番地, 番 and 号 as hyphens, a trailing 号 dropped (<c>一丁目2番地3号</c> → <c>1-2-3</c>).</item>
/// </list>
/// Variant kanji (髙 and 高, 﨑 and 崎) are not mapped: a difference there is shown, for staff to judge.
/// </summary>
public static class IdentityTextNormalizer
{
    private const string KanjiDigits = "〇一二三四五六七八九";
    private const string KanjiUnits = "十百千";

    public static string Name(string? text) => Collapse(text);

    public static string Address(string? text)
    {
        var collapsed = KanjiNumeralsToDigits(Collapse(text));
        var builder = new StringBuilder(collapsed.Length);
        for (var i = 0; i < collapsed.Length; i++)
        {
            var rest = collapsed.AsSpan(i);
            var afterDigit = builder.Length > 0 && char.IsAsciiDigit(builder[^1]);
            if (afterDigit && TryBlockWord(rest, out var length))
            {
                var atEnd = i + length == collapsed.Length;
                if (!atEnd)
                {
                    builder.Append('-');
                }

                i += length - 1;
                continue;
            }

            builder.Append(collapsed[i]);
        }

        return builder.ToString().TrimEnd('-');
    }

    /// <summary>The entered address matches the certificate's, the entered one perhaps without the prefecture (平川市… for 青森県平川市…).</summary>
    public static bool SameAddress(string? entered, string? certified)
    {
        var a = Address(entered);
        var b = Address(certified);
        if (a.Length == 0 || b.Length == 0)
        {
            return a == b;
        }

        return a == b || (b.EndsWith(a, StringComparison.Ordinal) && IsPrefecture(b[..^a.Length]));
    }

    public static bool SameName(string? entered, string? certified) => Name(entered) == Name(certified);

    private static bool IsPrefecture(string text) => text.Length >= 2 && text[^1] is '都' or '道' or '府' or '県';

    private static bool TryBlockWord(ReadOnlySpan<char> text, out int length)
    {
        foreach (var word in (ReadOnlySpan<string>)["丁目", "番地", "番", "号", "-"])
        {
            if (text.StartsWith(word, StringComparison.Ordinal))
            {
                length = word.Length;
                return true;
            }
        }

        length = 0;
        return false;
    }

    private static string Collapse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var normalized = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(IsDash(c) && IsBetweenNumbers(normalized, i) ? '-' : c);
        }

        return builder.ToString();
    }

    // ー is the long vowel mark in katakana names (ローソン) but a dash in addresses typed on a phone (1ー2ー3).
    private static bool IsDash(char c) => c is '-' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '─' or '━' or 'ー' or '−' or '－';

    private static bool IsBetweenNumbers(string text, int index) =>
        index > 0 && index < text.Length - 1 && IsNumeral(text[index - 1]) && IsNumeral(text[index + 1]);

    private static bool IsNumeral(char c) => char.IsAsciiDigit(c) || KanjiDigits.Contains(c) || KanjiUnits.Contains(c);

    private static string KanjiNumeralsToDigits(string text)
    {
        var builder = new StringBuilder(text.Length);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inNumeral = i < text.Length && (KanjiDigits.Contains(text[i]) || KanjiUnits.Contains(text[i]));
            if (inNumeral && start < 0)
            {
                start = i;
            }
            else if (!inNumeral && start >= 0)
            {
                builder.Append(KanjiNumber(text.AsSpan(start, i - start)).ToString(CultureInfo.InvariantCulture));
                start = -1;
            }

            if (!inNumeral && i < text.Length)
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary><c>二十三</c> → 23, <c>百五</c> → 105; without 十百千 the kanji are read digit by digit (<c>一〇五</c> → 105).</summary>
    private static long KanjiNumber(ReadOnlySpan<char> numeral)
    {
        if (numeral.IndexOfAny(KanjiUnits) < 0)
        {
            long positional = 0;
            foreach (var c in numeral)
            {
                positional = positional * 10 + KanjiDigits.IndexOf(c);
            }

            return positional;
        }

        long total = 0;
        long digit = -1;
        foreach (var c in numeral)
        {
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0)
            {
                digit = KanjiDigits.IndexOf(c);
                continue;
            }

            total += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }

        return total + Math.Max(digit, 0);
    }
}
