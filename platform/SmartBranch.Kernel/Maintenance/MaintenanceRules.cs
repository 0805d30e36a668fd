using System.Text.RegularExpressions;

namespace SmartBranch.Kernel.Maintenance;

/// <summary>
/// What makes a window acceptable. The city's contract: planned stops are announced two weeks ahead with an
/// alternative for residents, so a window starting sooner is refused unless it is an emergency with a reason.
/// </summary>
public static partial class MaintenanceRules
{
    public static readonly TimeSpan NoticePeriod = TimeSpan.FromDays(14);

    /// <summary>A longer stop is not maintenance but an outage to plan with the city.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(48);

    public const int MaxReasonLength = 500;
    public const int MaxCounterLength = 200;
    public const int MaxPhoneLength = 20;
    public const int MaxHoursLength = 100;

    /// <summary>The problems of <paramref name="request"/>, none when it may be saved.</summary>
    /// <param name="previous">The window as saved before, when <paramref name="request"/> edits it.</param>
    /// <param name="others">Other windows not cancelled and not ended, to refuse an overlap.</param>
    public static IReadOnlyList<string> Check(
        MaintenanceWindowRequest request, DateTimeOffset now, MaintenanceWindow? previous, IEnumerable<MaintenanceWindow> others)
    {
        var problems = new List<string>();
        var (start, end) = (request.StartsAt, request.EndsAt);
        CheckTimes(problems, start, end, now, previous);
        CheckNotice(problems, request, start, end, now, previous);
        CheckTexts(problems, request);
        if (request.Stops is not (MaintenanceStops.ResidentPages or MaintenanceStops.Portal or MaintenanceStops.ResidentPagesAndPortal))
        {
            problems.Add("停止する範囲（住民向け画面・職員ポータル）を選んでください。");
        }

        if (request.EnvironmentName is not null && request.TenantSlug is null)
        {
            problems.Add("環境を指定するときは自治体も選んでください。");
        }

        if (end > start)
        {
            foreach (var other in others.Where(o => o.Id != previous?.Id && !o.IsCancelled
                && o.SharesScopeWith(request.TenantSlug, request.EnvironmentName) && o.StartsAt < end && start < o.EndsAt))
            {
                problems.Add($"同じ対象のメンテナンス（{MaintenanceTime.Describe(other.StartsAt, other.EndsAt)}）と時間が重なっています。");
            }
        }

        return problems;
    }

    private static void CheckTimes(List<string> problems, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, MaintenanceWindow? previous)
    {
        var startMoved = previous is null || previous.StartsAt != start;
        if (previous is not null && previous.StartsAt <= now && startMoved)
        {
            problems.Add("始まっているメンテナンスの開始日時は変更できません。");
        }
        else if (startMoved && start < now.AddMinutes(-1))
        {
            problems.Add("開始日時が過去になっています。");
        }

        if (end <= start)
        {
            problems.Add("終了日時は開始日時より後にしてください。");
        }
        else if (end - start > MaxDuration)
        {
            problems.Add($"1回のメンテナンスは {MaxDuration.TotalHours:0} 時間以内にしてください。");
        }
    }

    // An edit needs the notice again only for time not announced yet: an earlier start or a later end.
    private static void CheckNotice(
        List<string> problems, MaintenanceWindowRequest request, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, MaintenanceWindow? previous)
    {
        var needsNotice = previous is null || start < previous.StartsAt || end > previous.EndsAt;
        if (request.IsEmergency)
        {
            if (string.IsNullOrWhiteSpace(request.EmergencyReason))
            {
                problems.Add("緊急メンテナンスの理由（14日前までに予定できなかった理由）を入力してください。");
            }
            else if (request.EmergencyReason.Trim().Length > MaxReasonLength)
            {
                problems.Add($"緊急メンテナンスの理由は {MaxReasonLength} 文字以内で入力してください。");
            }
        }
        else if (needsNotice && start < now + NoticePeriod)
        {
            problems.Add($"メンテナンスは開始の14日前までに予定してください（今から予定できるのは {JapanTime.Display(now + NoticePeriod)} 以降の開始です）。" +
                "急を要する場合は「緊急」を選び、理由を入力してください。");
        }
    }

    private static void CheckTexts(List<string> problems, MaintenanceWindowRequest request)
    {
        Require(problems, request.Reason, MaxReasonLength, "メンテナンスの理由");
        Require(problems, request.AlternativeCounter, MaxCounterLength, "住民向けの代わりの窓口");
        if (string.IsNullOrWhiteSpace(request.AlternativePhone))
        {
            problems.Add("代わりの窓口の電話番号を入力してください。");
        }
        else if (!PhoneNumber().IsMatch(request.AlternativePhone.Trim()))
        {
            problems.Add("電話番号は 0172-44-1111 のように半角数字とハイフンで入力してください。");
        }

        if ((request.AlternativeHours?.Trim().Length ?? 0) > MaxHoursLength)
        {
            problems.Add($"受付時間は {MaxHoursLength} 文字以内で入力してください。");
        }
    }

    private static void Require(List<string> problems, string? text, int maxLength, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{name}を入力してください。");
        }
        else if (text.Trim().Length > maxLength)
        {
            problems.Add($"{name}は {maxLength} 文字以内で入力してください。");
        }
    }

    // Japanese numbers: 0172-44-1111, 03-1234-5678, 0120-123-456, or the digits alone.
    [GeneratedRegex(@"^(0\d{1,4}-\d{1,4}-\d{3,4}|0\d{9,10})$")]
    private static partial Regex PhoneNumber();
}
