using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Surveys.Domain;

/// <summary>
/// One resident's answers to one survey, as JSON (question key → values), with the form version they answered. An
/// anonymous survey's answers carry no LINE user id.
/// </summary>
public sealed class SurveyResponse : ITenantOwned
{
    public const int MaxSubmissionKeyLength = 64;

    private SurveyResponse()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public Guid SurveyId { get; private init; }
    public int FormVersion { get; private set; }

    /// <summary>The page's key for this submission: a second press of 送信 finds it and stores nothing.</summary>
    public string SubmissionKey { get; private set; } = "";

    /// <summary>The respondent, for identified surveys; always null for anonymous ones.</summary>
    public string? LineUserId { get; private init; }

    public string AnswersJson { get; private set; } = "";

    /// <summary>
    /// The respondent's coarse segment attributes when they answered (attribute key → value key, as JSON: 地区, 年代,
    /// 言語), for cross-tabulation; kept for anonymous answers too, and shown only in tables that hide small counts.
    /// </summary>
    public string SegmentsJson { get; private set; } = "{}";
    public DateTimeOffset SubmittedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// An anonymous answer gets a random id and only the hour it came in: a time-ordered id or an exact time could be
    /// matched with the thank-you message sent to the resident at the same moment.
    /// </summary>
    public static SurveyResponse Submit(Survey survey, string submissionKey, string lineUserId, string answersJson, string segmentsJson, DateTimeOffset now) => new()
    {
        Id = survey.Anonymous ? Guid.NewGuid() : Guid.CreateVersion7(now),
        SurveyId = survey.Id,
        FormVersion = survey.FormVersion,
        SubmissionKey = submissionKey,
        LineUserId = survey.Anonymous ? null : lineUserId,
        AnswersJson = answersJson,
        SegmentsJson = segmentsJson,
        SubmittedAt = survey.Anonymous ? ToHour(now) : now,
        UpdatedAt = survey.Anonymous ? ToHour(now) : now,
    };

    /// <summary>The resident changed their answer (identified surveys editable until close).</summary>
    public void Replace(string submissionKey, int formVersion, string answersJson, string segmentsJson, DateTimeOffset now)
    {
        SegmentsJson = segmentsJson;
        SubmissionKey = submissionKey;
        FormVersion = formVersion;
        AnswersJson = answersJson;
        UpdatedAt = now;
    }

    private static DateTimeOffset ToHour(DateTimeOffset at) => new(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);
}
