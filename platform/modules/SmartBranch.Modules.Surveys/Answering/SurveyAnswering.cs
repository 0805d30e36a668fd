using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Line.Messages;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Forms;

namespace SmartBranch.Modules.Surveys.Answering;

public enum SurveySubmissionOutcome
{
    /// <summary>Stored, and the thank-you is on its way.</summary>
    Received,

    /// <summary>The resident's earlier answer was replaced (a survey editable until close).</summary>
    Updated,

    /// <summary>This very submission was stored before (a second press, a reload): nothing stored again.</summary>
    AlreadyReceived,

    /// <summary>A one-answer survey the resident answered before, with another submission.</summary>
    AlreadyAnswered,
}

/// <summary>A survey as a resident meets it: with its current form, whether they answered it, and their answer to edit.</summary>
internal sealed record SurveyForResident(Survey Survey, SurveyForm Form);

/// <summary>
/// The resident's side of a survey: finding it, knowing whether they answered, and storing an answer once. The
/// thank-you goes through the outbox in the same commit as the answer and contains none of it.
/// </summary>
internal sealed class SurveyAnswering(SmartBranchDbContext db, ILineMessenger messenger, IResidentSegmentProfile profiles, TimeProvider clock)
{
    public async Task<SurveyForResident?> FindAsync(Guid surveyId, CancellationToken cancellationToken)
    {
        var survey = await db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == surveyId, cancellationToken);
        if (survey is null || survey.FormVersion == 0)
        {
            return null;
        }

        var json = await db.Set<SurveyFormVersion>().AsNoTracking()
            .Where(v => v.SurveyId == survey.Id && v.Version == survey.FormVersion)
            .Select(v => v.FormJson)
            .SingleAsync(cancellationToken);
        return new SurveyForResident(survey, SurveyFormJson.Parse(json));
    }

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Whether the resident has used up a one-answer survey; always false for surveys that take many answers.</summary>
    public Task<bool> HasAnsweredAsync(Survey survey, string lineUserId, CancellationToken cancellationToken)
    {
        return survey.OneAnswerPerResident ? HasRespondedAsync(survey, lineUserId, cancellationToken) : Task.FromResult(false);
    }

    /// <summary>The resident's stored answers, for a survey they may edit until it closes; null otherwise.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>?> EditableAnswersAsync(Survey survey, string lineUserId, CancellationToken cancellationToken)
    {
        if (!survey.EditableUntilClose || survey.Anonymous)
        {
            return null;
        }

        var json = await db.Set<SurveyResponse>().AsNoTracking()
            .Where(r => r.SurveyId == survey.Id && r.LineUserId == lineUserId)
            .Select(r => r.AnswersJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : SurveyAnswersJson.Parse(json);
    }

    public async Task<SurveySubmissionOutcome> SubmitAsync(
        Survey survey, string lineUserId, string submissionKey, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, CancellationToken cancellationToken)
    {
        if (await db.Set<SurveyResponse>().AnyAsync(r => r.SurveyId == survey.Id && r.SubmissionKey == submissionKey, cancellationToken))
        {
            return SurveySubmissionOutcome.AlreadyReceived;
        }

        var now = clock.GetUtcNow();
        var json = SurveyAnswersJson.Serialize(answers);
        var segments = SurveySegmentsJson.Serialize(await profiles.SingleChoiceValuesAsync(lineUserId, cancellationToken));
        if (survey.EditableUntilClose && !survey.Anonymous
            && await db.Set<SurveyResponse>().SingleOrDefaultAsync(r => r.SurveyId == survey.Id && r.LineUserId == lineUserId, cancellationToken) is { } earlier)
        {
            earlier.Replace(submissionKey, survey.FormVersion, json, segments, now);
            messenger.Push(lineUserId, [new TextMessage(SurveyPageText.ThankYouForChange(survey.Title))]);
            return await SaveAsync(survey, submissionKey, SurveySubmissionOutcome.Updated, cancellationToken);
        }

        db.Add(SurveyResponse.Submit(survey, submissionKey, lineUserId, json, segments, now));

        // Every respondent is marked, also where many answers are allowed: the reminder skips those who answered.
        if (survey.OneAnswerPerResident || !await HasRespondedAsync(survey, lineUserId, cancellationToken))
        {
            db.Add(SurveyRespondent.For(survey, lineUserId));
        }

        messenger.Push(lineUserId, [new TextMessage(SurveyPageText.ThankYou(survey.Title))]);
        var outcome = await SaveAsync(survey, submissionKey, SurveySubmissionOutcome.Received, cancellationToken);

        // A survey taking many answers meets the mark only when the resident's first two answers arrive at once.
        return outcome == SurveySubmissionOutcome.AlreadyAnswered && !survey.OneAnswerPerResident
            ? await SubmitAsync(survey, lineUserId, submissionKey, answers, cancellationToken)
            : outcome;
    }

    private Task<bool> HasRespondedAsync(Survey survey, string lineUserId, CancellationToken cancellationToken)
    {
        var hash = SurveyRespondent.Hash(survey, lineUserId);
        return db.Set<SurveyRespondent>().AnyAsync(r => r.SurveyId == survey.Id && r.RespondentHash == hash, cancellationToken);
    }

    /// <summary>Two presses at once, or two answers to a one-answer survey, meet on a unique key: the loser learns which.</summary>
    private async Task<SurveySubmissionOutcome> SaveAsync(Survey survey, string submissionKey, SurveySubmissionOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return outcome;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.Set<SurveyResponse>().AnyAsync(r => r.SurveyId == survey.Id && r.SubmissionKey == submissionKey, cancellationToken)
                ? SurveySubmissionOutcome.AlreadyReceived
                : SurveySubmissionOutcome.AlreadyAnswered;
        }
    }
}

/// <summary>Stored answers: question key → values, as JSON with Japanese left readable.</summary>
internal static class SurveyAnswersJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(IReadOnlyDictionary<string, IReadOnlyList<string>> answers) => JsonSerializer.Serialize(answers, Options);

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json, Options)!
            .ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value, StringComparer.Ordinal);
}

/// <summary>A response's segment snapshot: attribute key → value key.</summary>
internal static class SurveySegmentsJson
{
    public static string Serialize(IReadOnlyDictionary<string, string> values) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string>(values.ToDictionary(v => v.Key, v => v.Value), StringComparer.Ordinal));

    /// <summary>Answers stored before snapshots were taken have an empty column: no attributes.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string json) =>
        json.Length == 0 ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>();
}
