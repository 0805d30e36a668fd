namespace SmartBranch.Modules.Reports.Domain;

/// <summary>受付 → 対応中 → 完了 / 対応不可. Every status is public: the reporter is told of each change.</summary>
public enum ReportStatus
{
    Received,
    InProgress,
    Completed,
    Declined,
}

public static class ReportStatuses
{
    /// <summary>The stable name stored and sent in events.</summary>
    public static string Key(this ReportStatus status) => status switch
    {
        ReportStatus.Received => "received",
        ReportStatus.InProgress => "in_progress",
        ReportStatus.Completed => "completed",
        ReportStatus.Declined => "declined",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Japanese(this ReportStatus status) => status switch
    {
        ReportStatus.Received => "受付",
        ReportStatus.InProgress => "対応中",
        ReportStatus.Completed => "完了",
        ReportStatus.Declined => "対応不可",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool IsOpen(this ReportStatus status) => status is ReportStatus.Received or ReportStatus.InProgress;

    /// <summary>Forward only: a closed case stays closed (a new report reopens the matter).</summary>
    public static bool CanMoveTo(this ReportStatus from, ReportStatus to) => (from, to) switch
    {
        (ReportStatus.Received, ReportStatus.InProgress or ReportStatus.Completed or ReportStatus.Declined) => true,
        (ReportStatus.InProgress, ReportStatus.Completed or ReportStatus.Declined) => true,
        _ => false,
    };
}
