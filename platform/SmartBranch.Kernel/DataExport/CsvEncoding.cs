using System.Buffers;
using System.Text;
namespace SmartBranch.Kernel.DataExport;

/// <summary>The encodings staff choose for a CSV export.</summary>

public enum CsvEncoding
{
    /// <summary>UTF-8 with a BOM: every character kept; Excel since 2016 opens it as it is.</summary>
    Utf8,

    /// <summary>Shift_JIS as Windows writes it (CP932), which older Excel in Japanese offices opens by double-click.</summary>
    ShiftJis,
}

/// <summary>The bytes of each <see cref="CsvEncoding"/>.</summary>
public static class CsvEncodings
{
    /// <summary>
    /// Stands in for a character CP932 cannot write (an emoji, a rare kanji, Hangul): the geta mark, which Japanese
    /// printing has long used for a missing glyph, so that the loss is visible in the cell rather than silent.
    /// </summary>
    public const char Replacement = '〓';

    private static readonly Lazy<Encoding> Cp932 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, new EncoderReplacementFallback(new string(Replacement, 1)), DecoderFallback.ReplacementFallback);
    });

    // Characters phones, Macs and the web send in their Unicode (JIS) form, for which CP932 has a look-alike of its own;
    // without this, 〜 in 「10時〜12時」 would come out as 〓.
    private static readonly SearchValues<char> NeedsPreparing = SearchValues.Create("\u301C\u2016\u2212\u2014\u00A2\u00A3\u00AC");

    public static Encoding For(CsvEncoding encoding) => encoding == CsvEncoding.ShiftJis ? Cp932.Value : CsvFormat.Encoding;

    /// <summary>
    /// The text as it should reach <paramref name="encoding"/>: unchanged for UTF-8; for Shift_JIS, CP932's look-alikes,
    /// and one <see cref="Replacement"/> for each character outside the Basic Multilingual Plane (an emoji is two UTF-16
    /// units, which the encoder would replace one by one).
    /// </summary>
    public static string Prepare(string text, CsvEncoding encoding)
    {
        if (encoding != CsvEncoding.ShiftJis || (text.AsSpan().IndexOfAny(NeedsPreparing) < 0 && !text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                builder.Append(Replacement);
                i++;
                continue;
            }

            builder.Append(text[i] switch
            {
                '\u301C' => '\uFF5E', // 〜 wave dash → ～
                '\u2016' => '\u2225', // ‖ → ∥
                '\u2212' => '\uFF0D', // − minus → －
                '\u2014' => '\u2015', // — em dash → ―
                '\u00A2' => '\uFFE0', // ¢ → ￠
                '\u00A3' => '\uFFE1', // £ → ￡
                '\u00AC' => '\uFFE2', // ¬ → ￢
                var other => other,
            });
        }

        return builder.ToString();
    }
}
