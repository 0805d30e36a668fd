using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Incidents;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.IntegrationTests.Operations.Incidents;

/// <summary>Operators work an incident in the console: each step is on its timeline and in the tenant's audit log; staff cannot.</summary>
public sealed class IncidentConsoleTests : IAsyncLifetime
{
    private IncidentTestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await IncidentTestBed.StartAsync();

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task An_operator_acknowledges_notes_resolves_and_saves_the_report_all_audited_in_the_tenants_chain()
    {
        var incident = await OpenLineIncidentAsync();
        var operatorStaff = TestStaff.Operator();

        await InConsoleAsync(operatorStaff, c => c.AcknowledgeAsync(incident.Id, CancellationToken.None));
        _bed.Kernel.Clock.Advance(TimeSpan.FromMinutes(20));
        await InConsoleAsync(operatorStaff, c => c.AddNoteAsync(incident.Id, "  新しいトークンを設定しました。 ", CancellationToken.None));
        await InConsoleAsync(operatorStaff, c => c.ResolveAsync(incident.Id, null, CancellationToken.None));
        var details = await _bed.Kernel.InScopeAsync(s => s.GetRequiredService<IIncidentConsole>().FindAsync(incident.Id, CancellationToken.None), operatorStaff);

        Assert.Equal(IncidentState.Resolved, details!.Incident.State);
        Assert.Contains("2026/04/01 09:20 新しいトークンを設定しました。", details.Report.Text.Response, StringComparison.Ordinal);
        Assert.Contains("## 発生日時\n\n2026/04/01 09:00（日本時間）", details.Report.ToMarkdown(), StringComparison.Ordinal);
        Assert.Contains("## 復旧日時\n\n2026/04/01 09:20（日本時間）", details.Report.ToMarkdown(), StringComparison.Ordinal);
        Assert.True(details.Report.IsGenerated);

        await InConsoleAsync(operatorStaff, c => c.SaveReportAsync(incident.Id,
            new IncidentReportText("平川市（production）", "トークンの再発行", "新しいトークンを設定", "<script>手順書に追記</script>"), CancellationToken.None));
        var saved = await _bed.Kernel.InScopeAsync(s => s.GetRequiredService<IIncidentConsole>().ExportAsync(incident.Id, CancellationToken.None), operatorStaff);

        Assert.False(saved!.Report.IsGenerated);
        Assert.Contains("&lt;script&gt;手順書に追記&lt;/script&gt;", saved.Report.ToHtml(), StringComparison.Ordinal);
        var actions = await _bed.Kernel.InScopeAsync(s => s.GetRequiredService<SmartBranchDbContext>().AuditEntries
            .Where(e => e.Chain == "hirakawa" && e.TargetId == incident.Id.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["incident.acknowledged", "incident.noted", "incident.resolved", "incident.report.saved", "incident.report.exported"], actions);
    }

    [Fact]
    public async Task An_empty_note_is_refused_and_staff_of_a_city_cannot_use_the_console()
    {
        var incident = await OpenLineIncidentAsync();

        var refusal = await Assert.ThrowsAsync<IncidentRuleException>(() =>
            InConsoleAsync(TestStaff.Operator(), c => c.AddNoteAsync(incident.Id, "   ", CancellationToken.None)));
        Assert.Equal("記録する内容を入力してください。", refusal.Message);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            InConsoleAsync(TestStaff.Member("staff-1"), c => c.ListAsync(CancellationToken.None)));
    }

    private async Task<Incident> OpenLineIncidentAsync()
    {
        await _bed.Kernel.Services.GetRequiredService<LineApiFailureLog>().RecordAsync("hirakawa", "production", "push", HttpStatusCode.Unauthorized);
        await _bed.EvaluateAsync();
        return Assert.Single(await _bed.IncidentsAsync());
    }

    private async Task InConsoleAsync(TestStaff staff, Func<IIncidentConsole, Task> action)
    {
        await using var scope = _bed.Kernel.Scope(staff);
        await action(scope.ServiceProvider.GetRequiredService<IIncidentConsole>());
    }
}
