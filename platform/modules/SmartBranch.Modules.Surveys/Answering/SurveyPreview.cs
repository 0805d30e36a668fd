using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.Modules.Surveys.Answering;

/// <summary>
/// The resident page as staff preview it while they write: the very HTML <see cref="SurveyPageHtml.Form"/> gives
/// residents, as a whole document for a sandboxed frame (no scripts, no submission), from the settings and form as
/// typed, saved or not. Without the page's script every conditional question shows, with its condition written out.
/// </summary>
public static class SurveyPreview
{
    public const string Notice = "プレビューです。回答は送信できません。";

    public static string Document(SurveySettings settings, SurveyForm form)
    {
        var survey = Survey.Preview(settings);
        var post = new SurveyPagePost("#", "preview", "", "");
        var body = SurveyPageHtml.Form(survey, form, new Dictionary<string, IReadOnlyList<string>>(), [], post, "", restoreDraft: false, notice: Notice);
        return $"""
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{ResidentPage.Encode(settings.Title)}</title>
            <link rel="stylesheet" href="{ResidentPage.StyleSheetPath}">
            </head>
            <body>
            <main id="main" class="page">
            {body}
            </main>
            </body>
            </html>
            """;
    }
}
