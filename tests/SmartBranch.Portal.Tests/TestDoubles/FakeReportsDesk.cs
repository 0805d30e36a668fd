using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.Cases;
using SmartBranch.Modules.Reports.Features.Statistics;
using SmartBranch.Portal.Modules.Reports;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>One case and a list of them, with the module's rules for status moves; records what staff asked for.</summary>
internal sealed class FakeReportsDesk : IReportsDesk
{
    public static readonly DateTimeOffset ReportedAt = new(2026, 4, 1, 0, 30, 0, TimeSpan.Zero);

    public List<ReportListing> Listings { get; } = [];

    public ReportCaseView? Case { get; set; }

    public List<ReportInboxFilter> Searches { get; } = [];

    public List<string> Actions { get; } = [];

    public int OpenCases { get; set; }

    public ReportStatisticsResult? Statistics { get; set; }

    public List<(DateTimeOffset From, DateTimeOffset Until)> StatisticsPeriods { get; } = [];

    public ReportMapSettings MapSettings { get; } = ReportMapSettings.Default;

    public (double Latitude, double Longitude)? CityCentre { get; } = (40.584, 140.567);

    public IReadOnlyList<(string Key, string Name)> Categories { get; } = [("road", "道路の損傷"), ("dumping", "不法投棄")];

    public IReadOnlyList<(string Key, string Name)> Departments { get; } = [("doboku", "土木課"), ("kankyo", "生活環境課")];

    public Task<ReportInboxResult> SearchAsync(ReportInboxFilter filter, int page, CancellationToken cancellationToken)
    {
        Searches.Add(filter);
        return Task.FromResult(new ReportInboxResult(Listings, 1, 1, Listings.Count));
    }

    public Task<int> CountOpenAsync(CancellationToken cancellationToken) => Task.FromResult(OpenCases);

    public Task<ReportStatisticsResult> ComputeStatisticsAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        StatisticsPeriods.Add((from, until));
        return Task.FromResult(Statistics ?? new ReportStatisticsResult(from, until, 0, [], [], []));
    }

    public Task<ReportCaseView> OpenAsync(Guid caseId, CancellationToken cancellationToken) =>
        Case is { } view && view.Id == caseId
            ? Task.FromResult(view)
            : throw new ReportRuleException("通報が見つかりません。別の課・自治体・環境の通報か、番号が違います。");

    public Task ChangeStatusAsync(Guid caseId, ReportStatus to, string? note, CancellationToken cancellationToken)
    {
        var view = Case!;
        if (!view.Status.CanMoveTo(to))
        {
            throw new ReportRuleException($"「{view.Status.Japanese()}」の案件は「{to.Japanese()}」にできません。");
        }

        Actions.Add($"status {to} {note}".TrimEnd());
        Case = view with
        {
            Status = to,
            NextStatuses = to.IsOpen() ? [.. Enum.GetValues<ReportStatus>().Where(s => to.CanMoveTo(s))] : [],
            History = [.. view.History, new ReportHistoryEntry(ReportedAt.AddHours(1), "職員 一郎", view.Status, to, note)],
        };
        return Task.CompletedTask;
    }

    public Task AddNoteAsync(Guid caseId, string note, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new ReportRuleException("メモを入力してください。");
        }

        Actions.Add($"note {note}");
        Case = Case! with { History = [.. Case.History, new ReportHistoryEntry(ReportedAt.AddHours(2), "職員 一郎", null, null, note)] };
        return Task.CompletedTask;
    }

    public Task ForwardToRoadManagerAsync(Guid caseId, string? note, CancellationToken cancellationToken)
    {
        Actions.Add($"forward {note}");
        Case = Case! with
        {
            History = [.. Case.History, new ReportHistoryEntry(ReportedAt.AddHours(3), "職員 一郎", null, null, note) { ForwardedTo = $"{Case.RoadManager!.Name} <{Case.RoadManager.Email}>" }],
        };
        return Task.CompletedTask;
    }

    public Task PublishPhotoAsync(Guid caseId, bool isPublic, CancellationToken cancellationToken)
    {
        if (Case!.PhotoPublic == isPublic)
        {
            throw new ReportRuleException(isPublic ? "写真はすでに公開地図に載せています。" : "写真は公開地図に載せていません。");
        }

        Actions.Add(isPublic ? "photo published" : "photo withdrawn");
        Case = Case with
        {
            PhotoPublic = isPublic,
            History = [.. Case.History, new ReportHistoryEntry(ReportedAt.AddHours(4), "職員 一郎", null, null, null) { PhotoPublic = isPublic }],
        };
        return Task.CompletedTask;
    }

    public static ReportCaseView Received(Guid id) => new(
        id, "R-2026-000123", "道路の損傷", "土木課", ReportStatus.Received, ReportedAt, null, 40.5841, 140.5668, "青森県平川市柏木町藤山25-6",
        "歩道に穴があります", true, null, ReportSource.Line, null, null, null, null, [ReportStatus.InProgress, ReportStatus.Completed, ReportStatus.Declined],
        [new ReportHistoryEntry(ReportedAt, null, null, ReportStatus.Received, null)]);
}
