using SmartBranch.Kernel.Maintenance;

namespace SmartBranch.UnitTests.Kernel.Maintenance;

public sealed class MaintenanceRulesTests
{
    // 2026-12-01 10:00 in Japan.
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    private static MaintenanceWindowRequest Request(
        DateTime start, DateTime end, bool emergency = false, string? emergencyReason = null, string? tenant = "hirakawa", string? environment = null) =>
        new(tenant, environment, start, end, MaintenanceStops.ResidentPages, "システム更新", "平川市役所 総務課", "0172-44-1111", "平日 8:30〜17:15",
            emergency, emergencyReason);

    private static MaintenanceWindow Saved(MaintenanceWindowRequest request) => new()
    {
        Id = Guid.NewGuid(),
        TenantSlug = request.TenantSlug,
        EnvironmentName = request.EnvironmentName,
        StartsAt = request.StartsAt,
        EndsAt = request.EndsAt,
        Stops = request.Stops,
        Reason = request.Reason,
        AlternativeCounter = request.AlternativeCounter,
        AlternativePhone = request.AlternativePhone,
        ScheduledByUserId = "op-1",
        ScheduledByName = "運用 一郎",
        ScheduledAt = Now,
    };

    [Fact]
    public void A_window_starting_14_days_ahead_is_accepted_and_one_a_minute_sooner_is_refused_in_Japanese()
    {
        var fourteenDays = new DateTime(2026, 12, 15, 10, 0, 0);

        Assert.Empty(MaintenanceRules.Check(Request(fourteenDays, fourteenDays.AddHours(4)), Now, null, []));
        var problem = Assert.Single(MaintenanceRules.Check(Request(fourteenDays.AddMinutes(-1), fourteenDays.AddHours(4)), Now, null, []));
        Assert.Equal("メンテナンスは開始の14日前までに予定してください（今から予定できるのは 2026/12/15 10:00 以降の開始です）。" +
            "急を要する場合は「緊急」を選び、理由を入力してください。", problem);
    }

    [Fact]
    public void An_emergency_may_start_now_but_only_with_its_reason()
    {
        var soon = new DateTime(2026, 12, 1, 10, 30, 0);

        Assert.Empty(MaintenanceRules.Check(Request(soon, soon.AddHours(1), emergency: true, emergencyReason: "脆弱性の修正"), Now, null, []));
        Assert.Equal(
            ["緊急メンテナンスの理由（14日前までに予定できなかった理由）を入力してください。"],
            MaintenanceRules.Check(Request(soon, soon.AddHours(1), emergency: true, emergencyReason: "  "), Now, null, []));
    }

    [Fact]
    public void Reversed_overlong_and_past_windows_and_missing_alternatives_are_each_explained()
    {
        var start = new DateTime(2026, 12, 20, 22, 0, 0);

        Assert.Contains("終了日時は開始日時より後にしてください。", MaintenanceRules.Check(Request(start, start), Now, null, []));
        Assert.Contains("1回のメンテナンスは 48 時間以内にしてください。", MaintenanceRules.Check(Request(start, start.AddHours(49)), Now, null, []));
        Assert.Contains("開始日時が過去になっています。",
            MaintenanceRules.Check(Request(new DateTime(2026, 12, 1, 9, 0, 0), new DateTime(2026, 12, 1, 11, 0, 0), true, "障害対応"), Now, null, []));
        var missing = Request(start, start.AddHours(4)) with { AlternativeCounter = " ", AlternativePhone = "0172 44 1111", Reason = "" };
        Assert.Equal(
            ["メンテナンスの理由を入力してください。", "住民向けの代わりの窓口を入力してください。", "電話番号は 0172-44-1111 のように半角数字とハイフンで入力してください。"],
            MaintenanceRules.Check(missing, Now, null, []));
        Assert.Contains("環境を指定するときは自治体も選んでください。",
            MaintenanceRules.Check(Request(start, start.AddHours(4), tenant: null, environment: "production"), Now, null, []));
    }

    [Fact]
    public void Windows_of_a_shared_scope_may_not_overlap_but_other_tenants_and_environments_may()
    {
        var start = new DateTime(2026, 12, 20, 22, 0, 0);
        var staging = Saved(Request(start, start.AddHours(4), environment: "staging"));

        Assert.Equal(["同じ対象のメンテナンス（12月20日(日) 22:00〜翌2:00）と時間が重なっています。"],
            MaintenanceRules.Check(Request(start.AddHours(3), start.AddHours(5)), Now, null, [staging]));
        Assert.Single(MaintenanceRules.Check(Request(start.AddHours(3), start.AddHours(5), tenant: null), Now, null, [staging]));
        Assert.Empty(MaintenanceRules.Check(Request(start.AddHours(3), start.AddHours(5), environment: "production"), Now, null, [staging]));
        Assert.Empty(MaintenanceRules.Check(Request(start.AddHours(3), start.AddHours(5), tenant: "othercity"), Now, null, [staging]));
        Assert.Empty(MaintenanceRules.Check(Request(start.AddHours(4), start.AddHours(6)), Now, null, [staging]));
    }

    [Fact]
    public void An_edit_within_the_announced_time_needs_no_new_notice_but_an_earlier_start_does()
    {
        var start = new DateTime(2026, 12, 20, 22, 0, 0);
        var announced = Saved(Request(start, start.AddHours(4)));
        var tenDaysLater = Now.AddDays(10);

        Assert.Empty(MaintenanceRules.Check(Request(start, start.AddHours(2)) with { Reason = "OS の更新" }, tenDaysLater, announced, [announced]));
        Assert.Contains(MaintenanceRules.Check(Request(start.AddHours(-1), start.AddHours(2)), tenDaysLater, announced, [announced]),
            p => p.StartsWith("メンテナンスは開始の14日前までに予定してください", StringComparison.Ordinal));
    }

    [Fact]
    public void A_window_in_progress_keeps_its_start()
    {
        var start = new DateTime(2026, 12, 20, 22, 0, 0);
        var current = Saved(Request(start, start.AddHours(4)));
        var during = current.StartsAt.AddHours(1);

        Assert.Empty(MaintenanceRules.Check(Request(start, start.AddHours(3)), during, current, [current]));
        Assert.Contains("始まっているメンテナンスの開始日時は変更できません。",
            MaintenanceRules.Check(Request(start.AddMinutes(30), start.AddHours(3)), during, current, [current]));
    }

    [Fact]
    public void Times_are_entered_in_Japan_time_and_stored_in_UTC()
    {
        var request = Request(new DateTime(2026, 12, 20, 22, 0, 0), new DateTime(2026, 12, 21, 2, 0, 0));

        Assert.Equal(new DateTimeOffset(2026, 12, 20, 13, 0, 0, TimeSpan.Zero), request.StartsAt);
        Assert.Equal(TimeSpan.Zero, request.EndsAt.Offset);
    }

    [Fact]
    public void A_window_is_announced_from_its_notice_period_until_it_ends_and_covers_its_scope()
    {
        var window = Saved(Request(new DateTime(2026, 12, 20, 22, 0, 0), new DateTime(2026, 12, 21, 2, 0, 0), environment: "production"));

        Assert.False(window.IsAnnouncedAt(window.StartsAt.AddDays(-14).AddMinutes(-1)));
        Assert.True(window.IsAnnouncedAt(window.StartsAt.AddDays(-14)));
        Assert.True(window.IsCurrentAt(window.StartsAt));
        Assert.False(window.IsAnnouncedAt(window.EndsAt));
        Assert.True(window.Covers("hirakawa", "production"));
        Assert.False(window.Covers("hirakawa", "staging"));
        Assert.False(window.Covers("othercity", "production"));
    }
}
