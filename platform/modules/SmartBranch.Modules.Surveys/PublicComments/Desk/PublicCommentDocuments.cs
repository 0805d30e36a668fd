using System.Text;

namespace SmartBranch.Modules.Surveys.PublicComments.Desk;

/// <summary>What staff may attach to a case: a real PDF (by its first bytes, not its name), of a size a phone can open.</summary>
public static class PublicCommentDocuments
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerCase = 20;
    public const string ContentType = "application/pdf";

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();

    /// <returns>Null when the file may be attached; otherwise why not, in Japanese for staff.</returns>
    public static string? Refusal(ReadOnlySpan<byte> content) =>
        content.Length == 0 ? "ファイルが空です。"
        : content.Length > MaxBytes ? $"ファイルが大きすぎます（{content.Length / 1024.0 / 1024.0:0.0} MB）。{MaxBytes / 1024 / 1024} MB までの PDF にしてください。"
        : !content.StartsWith(PdfSignature) ? "PDF ファイルではありません（名前が .pdf でも、中身が PDF ではありません）。PDF に書き出してから添付してください。"
        : null;

    /// <summary>The title residents see: the uploaded name without <c>.pdf</c>, control characters and paths removed.</summary>
    public static string TitleFrom(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        if (name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }

        var title = new StringBuilder(name.Length);
        foreach (var c in name.Where(c => !char.IsControl(c)))
        {
            title.Append(c);
        }

        var trimmed = title.ToString().Trim();
        return trimmed.Length == 0 ? "資料"
            : trimmed.Length > Domain.PublicCommentDocument.MaxTitleLength ? trimmed[..Domain.PublicCommentDocument.MaxTitleLength]
            : trimmed;
    }
}
