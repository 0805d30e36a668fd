using SmartBranch.Modules.Surveys.Answering;
using SmartBranch.Modules.Surveys.Domain;

namespace SmartBranch.Modules.Surveys.Invitations;

/// <summary>The invitation's and the reminder's words, in plain Japanese; neither carries anything about a resident.</summary>
internal static class SurveyInvitationText
{
    /// <summary>The Broadcast module's limit on a delivery's title, which staff see in its list.</summary>
    private const int MaxDeliveryTitleLength = 100;

    private const int MaxDescriptionInMessage = 300;

    public static string DeliveryTitle(string surveyTitle)
    {
        var title = $"アンケートのご案内「{surveyTitle}」";
        return title.Length <= MaxDeliveryTitleLength ? title : string.Concat(title.AsSpan(0, MaxDeliveryTitleLength - 1), "…");
    }

    public static string Invitation(Survey survey, Uri link)
    {
        var description = survey.Description is { Length: > MaxDescriptionInMessage } full
            ? string.Concat(full.AsSpan(0, MaxDescriptionInMessage - 1), "…")
            : survey.Description;
        return string.Join("\n", new[]
        {
            $"【アンケートのお願い】{survey.Title}",
            description,
            $"回答期限: {SurveyPageText.Display(survey.ClosesAt)}",
            "回答はこちらから（LINE の中で開きます）:",
            link.ToString(),
        }.Where(line => !string.IsNullOrWhiteSpace(line)));
    }

    public static string Reminder(Survey survey, Uri link) =>
        $"""
        【アンケートの締め切りが近づいています】{survey.Title}
        回答期限: {SurveyPageText.Display(survey.ClosesAt)}
        まだの方は、ぜひご回答ください（回答済みの方には、このお知らせは届きません）。
        {link}
        """;
}
