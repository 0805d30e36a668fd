using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Surveys.Domain;

/// <summary>
/// An invitation to a survey: a draft delivery the Broadcast module made at staff's request, which staff address to a
/// segment, have approved and send as any other delivery. The reminder follows up with the residents it reached.
/// </summary>
public sealed class SurveyInvitation : ITenantOwned
{
    private SurveyInvitation()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public Guid SurveyId { get; private init; }

    /// <summary>The Broadcast module's delivery (chosen here, so the page can link to the draft before it exists).</summary>
    public Guid DeliveryId { get; private init; }
    public string RequestedBy { get; private init; } = "";
    public DateTimeOffset RequestedAt { get; private init; }

    /// <exception cref="SurveyRuleException">The survey is not open for answers, or has ended.</exception>
    public static SurveyInvitation For(Survey survey, string requestedBy, DateTimeOffset now)
    {
        if (survey.State != SurveyState.Open || survey.ClosesAt <= now)
        {
            throw new SurveyRuleException("招待の配信を作れるのは、公開中で締め切り前のアンケートだけです。");
        }

        return new SurveyInvitation { SurveyId = survey.Id, DeliveryId = Guid.CreateVersion7(now), RequestedBy = requestedBy, RequestedAt = now };
    }
}
