namespace SmartBranch.Modules.Surveys.Invitations;

/// <summary>
/// Staff invite residents to an open survey and set its reminder. An invitation is a draft delivery made by the
/// Broadcast module: staff choose its segment there and it goes through approval like any other delivery. Reading
/// needs <see cref="SurveysPermissions.View"/>, changing <see cref="SurveysPermissions.Edit"/>; changes are audited.
/// </summary>
public interface ISurveyInvitations
{
    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.View"/>.</exception>
    /// <exception cref="Domain.SurveyRuleException">No such survey here.</exception>
    Task<SurveyInvitationsOverview> GetAsync(Guid surveyId, CancellationToken cancellationToken);

    /// <summary>Asks the Broadcast module for a draft delivery inviting residents to the survey, with its link.</summary>
    /// <returns>The draft delivery's id (the draft itself appears a moment later).</returns>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.Edit"/>.</exception>
    /// <exception cref="Domain.SurveyRuleException">No such survey, or one not open for answers.</exception>
    Task<Guid> InviteAsync(Guid surveyId, CancellationToken cancellationToken);

    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.Edit"/>.</exception>
    /// <exception cref="Domain.SurveyRuleException">No such survey, a closed one, hours out of range or already past, or a reminder already sent.</exception>
    Task ScheduleReminderAsync(Guid surveyId, int hoursBeforeClose, CancellationToken cancellationToken);

    /// <exception cref="UnauthorizedAccessException">Without <see cref="SurveysPermissions.Edit"/>.</exception>
    /// <exception cref="Domain.SurveyRuleException">No such survey, or no reminder waiting to be sent.</exception>
    Task CancelReminderAsync(Guid surveyId, CancellationToken cancellationToken);
}
