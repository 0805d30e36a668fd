using SmartBranch.Modules.Reports.Chat;
using SmartBranch.Modules.Reports.Domain;

namespace SmartBranch.UnitTests.Modules.Reports;

public sealed class ReportCaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ReportStatus.Received, ReportStatus.InProgress, true)]
    [InlineData(ReportStatus.Received, ReportStatus.Completed, true)]
    [InlineData(ReportStatus.Received, ReportStatus.Declined, true)]
    [InlineData(ReportStatus.InProgress, ReportStatus.Completed, true)]
    [InlineData(ReportStatus.InProgress, ReportStatus.Declined, true)]
    [InlineData(ReportStatus.InProgress, ReportStatus.Received, false)]
    [InlineData(ReportStatus.Completed, ReportStatus.InProgress, false)]
    [InlineData(ReportStatus.Declined, ReportStatus.Completed, false)]
    [InlineData(ReportStatus.Received, ReportStatus.Received, false)]
    public void Statuses_move_forward_only_and_a_closed_case_stays_closed(ReportStatus from, ReportStatus to, bool allowed)
    {
        Assert.Equal(allowed, from.CanMoveTo(to));
    }

    [Fact]
    public void A_forbidden_move_is_refused_in_Japanese_and_changes_nothing()
    {
        var report = ReportCase.File(ReportSubmission.FromLine("U1", "road", "photo", 40.58, 140.56, null, null, null), "R-2026-000001", "doboku", null, null, Now);
        report.MoveTo(ReportStatus.Completed, Now.AddHours(1));

        var error = Assert.Throws<ReportRuleException>(() => report.MoveTo(ReportStatus.InProgress, Now.AddHours(2)));

        Assert.Equal("「完了」の案件は「対応中」にできません。", error.Message);
        Assert.Equal((ReportStatus.Completed, Now.AddHours(1)), (report.Status, report.UpdatedAt));
    }

    [Fact]
    public void Receipt_numbers_count_up_within_the_year()
    {
        var counter = ReportReceiptCounter.For(2026);

        Assert.Equal("R-2026-000001", counter.Next());
        Assert.Equal("R-2026-000002", counter.Next());
    }

    [Fact]
    public void A_conversation_lapses_thirty_minutes_after_the_residents_last_step()
    {
        var conversation = ReportConversation.Start("U1", Now);
        conversation.ChooseCategory("road", Now.AddMinutes(20));

        Assert.False(conversation.IsExpiredAt(Now.AddMinutes(49)));
        Assert.True(conversation.IsExpiredAt(Now.AddMinutes(50)));
        Assert.Equal(ReportConversationStep.Photo, conversation.Step);
    }

    [Fact]
    public void Distances_of_tens_of_metres_are_measured_to_the_metre()
    {
        // 0.0009 degrees of latitude is about 100 m anywhere; of longitude at 40.58° N about 76 m.
        Assert.InRange(GeoDistance.Metres(40.5800, 140.5600, 40.5809, 140.5600), 99, 101);
        Assert.InRange(GeoDistance.Metres(40.5800, 140.5600, 40.5800, 140.5609), 75, 77);
    }
}
