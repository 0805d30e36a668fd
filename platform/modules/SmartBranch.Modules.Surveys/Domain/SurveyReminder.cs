using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Surveys.Domain;

public enum SurveyReminderState
{
    /// <summary>Waiting for its time: <see cref="SurveyReminder.HoursBeforeClose"/> before the survey closes.</summary>
    Scheduled,

    /// <summary>Going through the invited residents page by page (<see cref="SurveyReminder.Continuation"/>).</summary>
    Sending,
    Sent,

    /// <summary>Its time came but nobody could be reminded (no invitation was sent, or the survey closed); see <see cref="SurveyReminder.Note"/>.</summary>
    Skipped,
    Cancelled,
}

/// <summary>
/// A survey's reminder (リマインダー): a set number of hours before the survey closes, the residents its sent invitations
/// reached who have not answered get one message with the link. Sent page by page with the audience's continuation
/// stored with each page, so a restart resumes without reminding anyone twice.
/// </summary>
public sealed class SurveyReminder : ITenantOwned
{
    public const int MinHoursBeforeClose = 1;
    public const int MaxHoursBeforeClose = 7 * 24;

    private SurveyReminder()
    {
    }

    public Guid SurveyId { get; private init; }
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public int HoursBeforeClose { get; private set; }
    public SurveyReminderState State { get; private set; }

    /// <summary>Whom the reminder goes to, fixed when sending starts: the invitations' segments, or null for all friends.</summary>
    public string? AudienceJson { get; private set; }

    /// <summary>The audience's continuation after the last page sent; null before the first.</summary>
    public string? Continuation { get; private set; }
    public int RemindedCount { get; private set; }

    /// <summary>Why it was skipped, in Japanese, for staff.</summary>
    public string? Note { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Changes on every update, so that two workers cannot both send the same page.</summary>
    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();

    public DateTimeOffset DueAt(Survey survey) => survey.ClosesAt.AddHours(-HoursBeforeClose);

    /// <exception cref="SurveyRuleException">The hours are out of range, or the time has already passed.</exception>
    public static SurveyReminder Schedule(Survey survey, int hoursBeforeClose, string by, DateTimeOffset now)
    {
        var reminder = new SurveyReminder { SurveyId = survey.Id };
        reminder.Reschedule(survey, hoursBeforeClose, by, now);
        return reminder;
    }

    /// <exception cref="SurveyRuleException">Already sent or sending, the hours are out of range, or the time has passed.</exception>
    public void Reschedule(Survey survey, int hoursBeforeClose, string by, DateTimeOffset now)
    {
        if (State is SurveyReminderState.Sending or SurveyReminderState.Sent or SurveyReminderState.Skipped)
        {
            throw new SurveyRuleException("このアンケートのリマインダーは、すでに送信の時刻を迎えています。");
        }

        if (survey.State == SurveyState.Closed)
        {
            throw new SurveyRuleException("締め切ったアンケートには、リマインダーを設定できません。");
        }

        if (hoursBeforeClose is < MinHoursBeforeClose or > MaxHoursBeforeClose)
        {
            throw new SurveyRuleException($"リマインダーは、締め切りの {MinHoursBeforeClose}〜{MaxHoursBeforeClose} 時間前の間で指定してください。");
        }

        if (survey.ClosesAt.AddHours(-hoursBeforeClose) <= now)
        {
            throw new SurveyRuleException("その時刻はもう過ぎています。締め切りまでの残り時間より短い時間を指定してください。");
        }

        HoursBeforeClose = hoursBeforeClose;
        State = SurveyReminderState.Scheduled;
        Touch(by, now);
    }

    /// <exception cref="SurveyRuleException">Not waiting for its time.</exception>
    public void Cancel(string by, DateTimeOffset now)
    {
        if (State != SurveyReminderState.Scheduled)
        {
            throw new SurveyRuleException("取り消せるのは、送信前のリマインダーだけです。");
        }

        State = SurveyReminderState.Cancelled;
        Touch(by, now);
    }

    public void Start(string? audienceJson, DateTimeOffset now)
    {
        State = SurveyReminderState.Sending;
        AudienceJson = audienceJson;
        ConcurrencyStamp = Guid.NewGuid();
        ChangedAt = now;
    }

    /// <param name="continuation">Where the next page starts; null when this page was the last.</param>
    public void PageSent(string? continuation, int reminded, DateTimeOffset now)
    {
        Continuation = continuation;
        RemindedCount += reminded;
        ConcurrencyStamp = Guid.NewGuid();
        if (continuation is null)
        {
            State = SurveyReminderState.Sent;
            FinishedAt = now;
        }
    }

    public void Skip(string note, DateTimeOffset now)
    {
        State = SurveyReminderState.Skipped;
        Note = note;
        FinishedAt = now;
        ConcurrencyStamp = Guid.NewGuid();
    }

    private void Touch(string by, DateTimeOffset now)
    {
        ChangedBy = by;
        ChangedAt = now;
        ConcurrencyStamp = Guid.NewGuid();
    }
}
