using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.IntegrationTests.Modules.Surveys;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Surveys.Analysis;
using SmartBranch.Modules.Surveys.PublicComments;
using SmartBranch.Modules.Surveys.PublicComments.Desk;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.PublicComments;

/// <summary>Staff export a case's opinions as CSV: what each reader sees, in which encoding, and what the audit log keeps.</summary>
public abstract class PublicCommentOpinionsExportTests(SurveysBed fixture)
{
    private static readonly TestStaff WithResidents = TestStaff.Member(
        "seisaku-2", PublicCommentsPermissions.View, PublicCommentsPermissions.Opinions, IResidentDirectory.ViewPermission);

    [Fact]
    public async Task Opinions_export_in_both_encodings_with_identity_masked_without_the_residents_permission_and_each_export_audited()
    {
        var bed = await fixture.GetAsync();
        var scenario = new PublicCommentScenario(bed);
        var caseId = await scenario.OpenCaseAsync("道の駅の整備（案）");
        using var browser = new Browser(bed.App.Address);
        var resident = await scenario.FriendAsync();
        await PublicCommentScenario.CommentAsync(browser, await scenario.OpenAsync(browser, resident, caseId), "平川 太郎", "=1+1 駐車場を広く😀");

        var masked = Encoding.UTF8.GetString(await ExportAsync(bed, PublicCommentScenario.Editor, caseId, CsvEncoding.Utf8));
        var shown = CsvEncodings.For(CsvEncoding.ShiftJis).GetString(await ExportAsync(bed, WithResidents, caseId, CsvEncoding.ShiftJis));

        var maskedLines = masked.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\uFEFF意見番号,提出日時(日本時間),氏名,住所,区分,ご意見", maskedLines[0]);
        Assert.Matches(@"^1,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\*\*\*,\*\*\*,\*\*\*,'=1\+1 駐車場を広く😀$", maskedLines[1]);
        Assert.DoesNotContain("平川 太郎", masked, StringComparison.Ordinal);
        Assert.Contains(",平川 太郎,平川市柏木町藤山 25-6,市内に住んでいる,'=1+1 駐車場を広く〓", shown, StringComparison.Ordinal);

        var audited = await bed.InTenantAsync(PublicCommentScenario.Channel, (db, _) => db.AuditEntries.IgnoreQueryFilters()
            .Where(e => e.TargetId == caseId.ToString() && e.Action == "publiccomments.opinions.exported").OrderBy(e => e.Sequence)
            .Select(e => e.TouchesPersonalData).ToListAsync());
        Assert.Equal([false, true], audited);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            ExportAsync(bed, TestStaff.Member("viewer-2", PublicCommentsPermissions.View, IResidentDirectory.ViewPermission), caseId, CsvEncoding.Utf8));
    }

    private static async Task<byte[]> ExportAsync(LineTestBed bed, TestStaff staff, Guid caseId, CsvEncoding encoding)
    {
        await using var scope = bed.App.Services.GetRequiredService<SmartBranch.Kernel.Tenancy.ITenantScopeFactory>()
            .CreateScope(PublicCommentScenario.Channel.Tenant, PublicCommentScenario.Channel.Environment);
        scope.ServiceProvider.GetRequiredService<TestStaff>().SignIn(staff);
        var export = await scope.ServiceProvider.GetRequiredService<PublicCommentOpinionsExport>().ExportAsync(caseId, encoding, CancellationToken.None);
        using var output = new MemoryStream();
        await export.WriteAsync(output, CancellationToken.None);
        return output.ToArray();
    }
}

public sealed class SqlitePublicCommentOpinionsExportTests(SqliteSurveysBed fixture) : PublicCommentOpinionsExportTests(fixture), IClassFixture<SqliteSurveysBed>;

public sealed class PostgresPublicCommentOpinionsExportTests(PostgresSurveysBed fixture) : PublicCommentOpinionsExportTests(fixture), IClassFixture<PostgresSurveysBed>;
