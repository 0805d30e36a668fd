using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Modules.Surveys.Answering;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Forms;
using SmartBranch.Modules.Surveys.PublicComments.Domain;

namespace SmartBranch.Modules.Surveys.TrainingReset;

/// <summary>
/// Answers, opinions, invitations and reminders always; the surveys and public comments themselves only when the
/// operator asks, because the city also authors them in staging to promote them to production. The images answered
/// go from the media store with the answers, the public comments' documents with their cases.
/// </summary>
internal sealed class SurveysStagingEraser(SmartBranchDbContext db) : IStagingDataEraser
{
    public StagingDataClassification Classification { get; } = new(
        Working: [typeof(SurveyResponse), typeof(SurveyInvitation), typeof(SurveyReminder), typeof(PublicCommentOpinion)],
        Definitions: [typeof(SurveyFormVersion), typeof(Survey), typeof(PublicCommentDocument), typeof(PublicCommentCase)],
        Configuration: []);

    public async Task<IReadOnlyList<ErasedMedia>> FindMediaAsync(StagingResetOptions options, CancellationToken cancellationToken)
    {
        var media = new List<ErasedMedia>();
        var imageKeys = await ImageQuestionKeysAsync(cancellationToken);
        var answers = db.Set<SurveyResponse>().AsNoTracking().Select(r => new { r.SurveyId, r.AnswersJson }).AsAsyncEnumerable();
        await foreach (var answer in answers.WithCancellation(cancellationToken))
        {
            if (imageKeys.TryGetValue(answer.SurveyId, out var keys))
            {
                var imageIds = SurveyAnswersJson.Parse(answer.AnswersJson).Where(a => keys.Contains(a.Key)).SelectMany(a => a.Value);
                media.AddRange(imageIds.Where(MediaFileName.IsId).Select(ErasedMedia.Image));
            }
        }

        if (options.EraseDefinitions)
        {
            var documents = await db.Set<PublicCommentDocument>().Select(d => d.MediaFileName).ToListAsync(cancellationToken);
            media.AddRange(documents.Select(ErasedMedia.Document));
        }

        return media;
    }

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

    /// <summary>Each survey's image questions, in any version of its form (an answer keeps the version it was given to).</summary>
    private async Task<Dictionary<Guid, HashSet<string>>> ImageQuestionKeysAsync(CancellationToken cancellationToken)
    {
        var versions = await db.Set<SurveyFormVersion>().AsNoTracking().Select(v => new { v.SurveyId, v.FormJson }).ToListAsync(cancellationToken);
        return versions
            .GroupBy(v => v.SurveyId)
            .ToDictionary(
                survey => survey.Key,
                survey => survey.SelectMany(v => SurveyFormJson.Parse(v.FormJson).Questions).Where(q => q.Kind == SurveyItemKind.Image).Select(q => q.Key).ToHashSet(StringComparer.Ordinal));
    }
}
