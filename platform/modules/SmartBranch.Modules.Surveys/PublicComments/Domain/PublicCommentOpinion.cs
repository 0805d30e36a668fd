using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Surveys.PublicComments.Domain;

/// <summary>One opinion a resident sent on a case: its text, the identity fields the case required, and the sender.</summary>
public sealed class PublicCommentOpinion : ITenantOwned
{
    public const int MaxSubmissionKeyLength = 64;

    private PublicCommentOpinion()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public Guid CaseId { get; private init; }

    /// <summary>The page's key for this submission: a second press of 送信 finds it and stores nothing.</summary>
    public string SubmissionKey { get; private init; } = "";

    /// <summary>The sender, to tell them when the result is published.</summary>
    public string LineUserId { get; private init; } = "";

    /// <summary>The identity fields' values, as JSON (field name → value).</summary>
    public string IdentityJson { get; private init; } = "";

    public string Text { get; private init; } = "";
    public DateTimeOffset SubmittedAt { get; private init; }

    public static PublicCommentOpinion Submit(Guid caseId, string submissionKey, string lineUserId, string identityJson, string text, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CaseId = caseId,
        SubmissionKey = submissionKey,
        LineUserId = lineUserId,
        IdentityJson = identityJson,
        Text = text,
        SubmittedAt = now,
    };
}
