using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.Shared;

namespace SmartBranch.Modules.Broadcast.Features.TestSend;

internal sealed class BroadcastTestAccounts(BroadcastStaff staff, ICurrentStaff currentStaff, TimeProvider clock) : IBroadcastTestAccounts
{
    public async Task<BroadcastTestAccountCodeIssued> IssueCodeAsync(CancellationToken cancellationToken)
    {
        var staffId = staff.Require(BroadcastPermissions.Compose);
        var now = clock.GetUtcNow();
        var codes = staff.Db.Set<BroadcastTestAccountCode>();
        codes.RemoveRange(await codes.Where(c => c.StaffUserId == staffId || c.ExpiresAt <= now).ToListAsync(cancellationToken));
        var code = BroadcastTestAccountCode.Issue(staffId, currentStaff.DisplayName ?? staffId, now);
        codes.Add(code);
        await staff.SaveAndAuditAsync(
            new AuditRecord("broadcast.test_account.code_issued", "staff", staffId, "テスト送信先の登録コードを発行"),
            cancellationToken);
        return new BroadcastTestAccountCodeIssued(code.Code, code.ExpiresAt);
    }

    public async Task<IReadOnlyList<BroadcastTestAccountEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var staffId = staff.Require(BroadcastPermissions.Compose);
        var accounts = await staff.Db.Set<BroadcastTestAccount>().AsNoTracking().ToListAsync(cancellationToken);
        return accounts
            .OrderBy(a => a.StaffUserId != staffId).ThenBy(a => a.RegisteredAt)
            .Select(a => new BroadcastTestAccountEntry(a.Id, a.LineDisplayName, a.StaffUserId, a.StaffDisplayName, a.RegisteredAt, a.StaffUserId == staffId))
            .ToList();
    }

    public async Task RemoveAsync(Guid testAccountId, CancellationToken cancellationToken)
    {
        var staffId = staff.Require(BroadcastPermissions.Compose);
        var account = await staff.Db.Set<BroadcastTestAccount>().SingleOrDefaultAsync(a => a.Id == testAccountId, cancellationToken)
            ?? throw new BroadcastRuleException("テスト送信先が見つかりません。すでに削除されています。");
        if (account.StaffUserId != staffId && !currentStaff.HasPermission(KernelPermissions.TenantSettings))
        {
            throw new BroadcastRuleException("ほかの職員のテスト送信先は削除できません（管理者は削除できます）。");
        }

        staff.Db.Remove(account);
        await staff.SaveAndAuditAsync(
            new AuditRecord("broadcast.test_account.removed", "broadcast-test-account", account.Id.ToString(), $"職員 {account.StaffUserId} のテスト送信先を削除"),
            cancellationToken);
    }
}
