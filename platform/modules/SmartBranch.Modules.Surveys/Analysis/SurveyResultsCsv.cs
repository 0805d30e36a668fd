using System.Globalization;
using SmartBranch.Kernel;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Modules.Surveys.Answering;
using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.Modules.Surveys.Analysis;

/// <summary>A response as the export reads it from the database.</summary>
internal sealed record SurveyCsvRow(Guid Id, int FormVersion, string? LineUserId, string AnswersJson, DateTimeOffset SubmittedAt);

/// <summary>What the export may show: the respondent of an identified survey, and phone, e-mail and postal answers.</summary>
internal sealed record SurveyCsvOptions(bool Identified, bool ShowsPersonalData, CsvEncoding Encoding);

/// <summary>
/// A survey's responses as CSV for Excel: a row per response, written as it is read; a column per question key across
/// every form version (a removed question keeps its column); choices by their labels; an image question by how many
/// images were given (never the images or their ids); times in Japan time; cells
/// formula-guarded and CRLF (<see cref="CsvRowsWriter"/>). No segment attributes: a row with its district and age band is
/// one person's record, which only the cross-tabulation, with small counts hidden, may summarise.
/// </summary>
internal static class SurveyResultsCsv
{
    /// <summary>Stands in for a respondent or a personal answer the reader may not see.</summary>
    public const string Masked = "***";

    /// <summary>Joins the choices of one multiple-choice answer.</summary>
    public const string ChoiceSeparator = "、";

    /// <returns>How many responses were written.</returns>
    public static Task<int> WriteAsync(
        IAsyncEnumerable<SurveyCsvRow> rows, SurveyResultColumns columns, SurveyCsvOptions options, Stream output, CancellationToken cancellationToken)
    {
        string[] fixedHeader = options.Identified ? ["回答ID", "回答日時(日本時間)", "質問の版", "回答者(LINEユーザーID)"] : ["回答ID", "回答日時(日本時間)", "質問の版"];
        var cells = new string?[fixedHeader.Length + columns.Columns.Count];
        return CsvRowsWriter.WriteAsync(rows, [.. fixedHeader, .. columns.Columns.Select(Heading)], row =>
        {
            var answers = SurveyAnswersJson.Parse(row.AnswersJson);
            cells[0] = row.Id.ToString();
            cells[1] = JapanTime.Format(row.SubmittedAt);
            cells[2] = row.FormVersion.ToString(CultureInfo.InvariantCulture);
            if (options.Identified)
            {
                cells[3] = options.ShowsPersonalData ? row.LineUserId : Masked;
            }

            for (var i = 0; i < columns.Columns.Count; i++)
            {
                var column = columns.Columns[i];
                cells[fixedHeader.Length + i] = answers.TryGetValue(column.Key, out var values) && values.Count > 0 ? Cell(column, values, options) : null;
            }

            return cells;
        }, options.Encoding, output, cancellationToken);
    }

    private static string Heading(SurveyResultColumn column) => column.Removed ? $"{column.Label} [{column.Key}]（削除された質問）" : $"{column.Label} [{column.Key}]";

    private static string Cell(SurveyResultColumn column, IReadOnlyList<string> values, SurveyCsvOptions options) =>
        column.Kind == SurveyItemKind.Image ? values.Count.ToString(CultureInfo.InvariantCulture)
        : column.IsPersonalData && !options.ShowsPersonalData ? Masked
        : column.Question.HasChoices ? string.Join(ChoiceSeparator, values.Select(column.ChoiceLabel))
        : values[0];
}
