using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.DataExport;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Surveys.Analysis;
using SmartBranch.Modules.Surveys.PublicComments.Commenting;
using SmartBranch.Modules.Surveys.PublicComments.Domain;

namespace SmartBranch.Modules.Surveys.PublicComments.Desk;

/// <summary>
/// A case's opinions as CSV, streamed as they are read, for staff with <see cref="PublicCommentsPermissions.Opinions"/>:
/// a row per opinion (its number, the Japan time it came in, the identity fields the case asked, the text). The
/// identity fields are masked for staff without <see cref="IResidentDirectory.ViewPermission"/>; every export is
/// recorded in the audit log before the first byte is written.
/// </summary>
public sealed class PublicCommentOpinionsExport
{
    private readonly SmartBranchDbContext _db;
    private readonly ICurrentStaff _staff;
    private readonly IAuditLog _audit;

    internal PublicCommentOpinionsExport(SmartBranchDbContext db, ICurrentStaff staff, IAuditLog audit)
    {
        _db = db;
        _staff = staff;
        _audit = audit;
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="PublicCommentsPermissions.Opinions"/>.</exception>
    /// <exception cref="PublicCommentRuleException">No such case here.</exception>
    public async Task<CsvExport> ExportAsync(Guid caseId, CsvEncoding encoding, CancellationToken cancellationToken)
    {
        if (_staff.UserId is null || !_staff.HasPermission(PublicCommentsPermissions.Opinions))
        {
            throw new UnauthorizedAccessException($"この操作には権限「{PublicCommentsPermissions.Opinions}」が必要です。");
        }

        var @case = await _db.Set<PublicCommentCase>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
                    ?? throw new PublicCommentRuleException("パブリックコメントの案件が見つかりません。別の自治体・環境のものか、削除されています。");
        var showsIdentity = _staff.HasPermission(IResidentDirectory.ViewPermission);
        await _audit.RecordAsync(new AuditRecord(
            "publiccomments.opinions.exported", "public_comment", @case.Id.ToString(),
            $"パブリックコメント「{@case.Title}」の意見を CSV（{(encoding == CsvEncoding.ShiftJis ? "Shift_JIS" : "UTF-8")}）で書き出しました。"
            + (showsIdentity || @case.IdentityFields.Count == 0 ? "" : "提出者の個人情報は伏せ字です。"),
            TouchesPersonalData: showsIdentity && @case.IdentityFields.Count > 0), cancellationToken);

        var fields = @case.IdentityFields;
        string[] header = ["意見番号", "提出日時(日本時間)", .. fields.Select(PublicCommentOpinionForm.Label), "ご意見"];
        var rows = _db.Set<PublicCommentOpinion>().AsNoTracking()
            .Where(o => o.CaseId == @case.Id).OrderBy(o => o.SubmittedAt).ThenBy(o => o.Id)
            .Select(o => new { o.SubmittedAt, o.IdentityJson, o.Text })
            .AsAsyncEnumerable();
        var number = 0;
        return new CsvExport(encoding, (output, token) => CsvRowsWriter.WriteAsync(rows, header, row =>
        {
            var identity = PublicCommentOpinionForm.ParseIdentity(row.IdentityJson);
            return
            [
                (++number).ToString(CultureInfo.InvariantCulture),
                JapanTime.Format(row.SubmittedAt),
                .. fields.Select(f => !showsIdentity ? SurveyResultsCsv.Masked
                    : identity.TryGetValue(f, out var value) ? PublicCommentOpinionForm.Display(f, value) : null),
                row.Text,
            ];
        }, encoding, output, token));
    }
}
