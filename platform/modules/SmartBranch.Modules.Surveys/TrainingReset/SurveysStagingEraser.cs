using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.PublicComments.Domain;

namespace SmartBranch.Modules.Surveys.TrainingReset;

/// <summary>
/// Answers, opinions, invitations and reminders always; the surveys and public comments themselves only when the
/// operator asks, because the city also authors them in staging to promote them to production.
/// </summary>
internal sealed class SurveysStagingEraser(SmartBranchDbContext db) : IStagingDataEraser
{
    public StagingDataClassification Classification { get; } = new(
        Working: [typeof(SurveyResponse), typeof(SurveyInvitation), typeof(SurveyReminder), typeof(PublicCommentOpinion)],
        Definitions: [typeof(SurveyFormVersion), typeof(Survey), typeof(PublicCommentDocument), typeof(PublicCommentCase)],
        Configuration: []);

    public async Task<IReadOnlyList<ErasedRows>> EraseAsync(StagingResetOptions options, CancellationToken cancellationToken)
    {
        // Not tenant-owned (no tenant columns, by design): reached through the environment's surveys.
        var surveyIds = db.Set<Survey>().Select(s => s.Id);
        await db.Set<SurveyRespondent>().Where(r => surveyIds.Contains(r.SurveyId)).ExecuteDeleteAsync(cancellationToken);
        var responses = await db.Set<SurveyResponse>().ExecuteDeleteAsync(cancellationToken);
        var invitations = await db.Set<SurveyInvitation>().ExecuteDeleteAsync(cancellationToken);
        var reminders = await db.Set<SurveyReminder>().ExecuteDeleteAsync(cancellationToken);
        var opinions = await db.Set<PublicCommentOpinion>().ExecuteDeleteAsync(cancellationToken);
        List<ErasedRows> erased =
        [
            new("アンケートの回答", "Survey answers", responses),
            new("アンケートの招待", "Survey invitations", invitations),
            new("アンケートのリマインダー", "Survey reminders", reminders),
            new("パブリックコメントの意見", "Public comment opinions", opinions),
        ];
        if (options.EraseDefinitions)
        {
            await db.Set<SurveyFormVersion>().ExecuteDeleteAsync(cancellationToken);
            var surveys = await db.Set<Survey>().ExecuteDeleteAsync(cancellationToken);
            await db.Set<PublicCommentDocument>().ExecuteDeleteAsync(cancellationToken);
            var cases = await db.Set<PublicCommentCase>().ExecuteDeleteAsync(cancellationToken);
            erased.Add(new("アンケート", "Surveys", surveys));
            erased.Add(new("パブリックコメントの案件", "Public comment cases", cases));
        }

        return erased;
    }
}
