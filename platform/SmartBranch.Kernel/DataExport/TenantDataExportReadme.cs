using System.Globalization;
using System.Text;

namespace SmartBranch.Kernel.DataExport;

/// <summary><c>README.txt</c>: every part, file and column of the archive explained in Japanese, then in English.</summary>
internal static class TenantDataExportReadme
{
    public const string FileName = "README.txt";

    /// <summary>Media folders can hold thousands of files; the README counts them and the manifest lists each.</summary>
    private const int ListedFilesPerEntry = 20;

    public static string Write(TenantExportSubject subject, DateTimeOffset createdAt, IReadOnlyList<TenantDataExportPart> parts, IReadOnlyList<ExportedFile> written)
    {
        var text = new StringBuilder();
        Japanese(text, subject, createdAt, parts, written);
        text.Append(Rule).Append(Rule);
        English(text, subject, createdAt, parts, written);
        return text.ToString().ReplaceLineEndings("\r\n");
    }

    private const string Rule = "==========================================================================\n";

    private static void Japanese(StringBuilder text, TenantExportSubject subject, DateTimeOffset createdAt, IReadOnlyList<TenantDataExportPart> parts, IReadOnlyList<ExportedFile> written)
    {
        text.Append(CultureInfo.InvariantCulture, $"""
            SmartBranch 自治体データのエクスポート（English follows）

            自治体: {subject.Name}（{subject.Slug}）
            作成日時: {JapanTime.Format(createdAt)}（日本時間） / {ExportValues.Time(createdAt)}
            環境: {string.Join("、", subject.Environments)}

            このアーカイブには、この自治体がサービスに預けたデータが、他のシステムへ移せる形で入っています。
            内容は「部分」に分かれ、各部分はサービスのモジュールが提供します（contributed by modules）。
            今後加わるモジュール（同意、セグメント、フォーム、回答、通報、申請、配信など）も、同じ仕組みで
            自分の部分を追加します。環境ごとの部分は「環境名/部分/ファイル」に、自治体全体の部分は
            「部分/ファイル」に置かれます。

            ファイルの決まり
            - CSV: RFC 4180、文字コード UTF-8（BOM 付き）、改行 CRLF、1 行目は列名。
            - 表計算ソフトで数式として実行されないよう、先頭が = + - @ ' タブ・改行のセルには ' を 1 文字
              付けています。元の値は、先頭の ' を 1 文字除いたものです。
            - 日時は ISO 8601 の協定世界時（UTC、例 2026-04-01T00:00:00.000000Z）。日本時間は 9 時間後です。
            - 真偽値は true / false。値がない項目は空欄（JSON では null）。
            - JSON: UTF-8、プロパティ名は列と同じ英小文字。
            - manifest.json: 機械で読める目録。各ファイルの行数・バイト数・SHA-256 を記録しています。


            """);
        foreach (var part in parts)
        {
            text.Append(CultureInfo.InvariantCulture, $"■ {part.NameJa} [{part.Id}]（提供: {part.ContributedBy}、{(part.Scope == TenantDataExportScope.Environment ? "環境ごと" : "自治体全体")}）\n");
            text.Append(CultureInfo.InvariantCulture, $"  {part.DescriptionJa}\n");
            foreach (var file in part.Files)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  ● {Pattern(part, file)}（{FormatJa(file.Format)}）\n");
                text.Append(CultureInfo.InvariantCulture, $"    {file.DescriptionJa}\n");
                Columns(text, file, c => c.DescriptionJa, "列");
                Written(text, part, file, written, "このアーカイブ内", "行", "ファイルなし（データがありません）");
            }

            text.Append('\n');
        }
    }

    private static void English(StringBuilder text, TenantExportSubject subject, DateTimeOffset createdAt, IReadOnlyList<TenantDataExportPart> parts, IReadOnlyList<ExportedFile> written)
    {
        text.Append(CultureInfo.InvariantCulture, $"""
            SmartBranch tenant data export

            Tenant: {subject.NameEn} ({subject.Slug})
            Created: {ExportValues.Time(createdAt)} (UTC)
            Environments: {string.Join(", ", subject.Environments)}

            This archive holds the data this municipality kept in the service, in a form other systems
            can import. It is divided into parts, each contributed by a module of the service; modules
            added later (consents, segments, forms, submissions, reports, applications, deliveries, ...)
            add their parts through the same contract. Parts kept per environment are in
            "environment/part/file", parts of the whole tenant in "part/file".

            Conventions
            - CSV: RFC 4180, UTF-8 with a byte order mark, CRLF line ends, a header row of column names.
            - A cell starting with = + - @ ' a tab or a line break gets one leading apostrophe so that a
              spreadsheet never runs it as a formula; the original value is the cell without it.
            - Times are ISO 8601 in UTC (e.g. 2026-04-01T00:00:00.000000Z); Japan time is 9 hours ahead.
            - Booleans are true / false; a missing value is an empty cell (null in JSON).
            - JSON: UTF-8, property names as the column names.
            - manifest.json: the same description for machines, with each file's rows, bytes and SHA-256.


            """);
        foreach (var part in parts)
        {
            text.Append(CultureInfo.InvariantCulture, $"* {part.NameEn} [{part.Id}] (contributed by {part.ContributedBy}; {(part.Scope == TenantDataExportScope.Environment ? "per environment" : "whole tenant")})\n");
            text.Append(CultureInfo.InvariantCulture, $"  {part.DescriptionEn}\n");
            foreach (var file in part.Files)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  - {Pattern(part, file)} ({file.Format.ToString().ToUpperInvariant()})\n");
                text.Append(CultureInfo.InvariantCulture, $"    {file.DescriptionEn}\n");
                Columns(text, file, c => c.DescriptionEn, "Columns");
                Written(text, part, file, written, "In this archive", "rows", "no file (no data)");
            }

            text.Append('\n');
        }
    }

    private static string Pattern(TenantDataExportPart part, ExportFile file)
    {
        var folder = part.Scope == TenantDataExportScope.Environment ? $"<environment>/{part.Id}" : part.Id;
        return file.Format == ExportFileFormat.Media ? $"{folder}/{file.Name}/" : $"{folder}/{file.Name}";
    }

    private static void Columns(StringBuilder text, ExportFile file, Func<ExportColumn, string> description, string heading)
    {
        if (file.Columns.Count == 0)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"    {heading}:\n");
        var width = file.Columns.Max(c => c.Name.Length);
        foreach (var column in file.Columns)
        {
            text.Append(CultureInfo.InvariantCulture, $"      {column.Name.PadRight(width)}  {description(column)}\n");
        }
    }

    private static void Written(StringBuilder text, TenantDataExportPart part, ExportFile file, IReadOnlyList<ExportedFile> written, string heading, string rows, string none)
    {
        var files = written.Where(w => w.PartId == part.Id && w.FileName == file.Name).ToList();
        text.Append(CultureInfo.InvariantCulture, $"    {heading}:");
        if (files.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" {none}\n");
            return;
        }

        text.Append('\n');
        foreach (var w in files.Take(ListedFilesPerEntry))
        {
            text.Append(w.Rows is { } count ? $"      {w.Path} ({count} {rows})\n" : $"      {w.Path}\n");
        }

        if (files.Count > ListedFilesPerEntry)
        {
            text.Append(CultureInfo.InvariantCulture, $"      … +{files.Count - ListedFilesPerEntry} (manifest.json)\n");
        }
    }

    private static string FormatJa(ExportFileFormat format) => format switch
    {
        ExportFileFormat.Csv => "CSV",
        ExportFileFormat.Json => "JSON",
        _ => "写真・添付ファイルのフォルダー",
    };
}
