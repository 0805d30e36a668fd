using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.Cases;

namespace SmartBranch.Modules.Reports.Features.ApiKeys;

/// <summary>
/// The Open311 API keys of the staff member's tenant environment: created with a name (the key shown once), listed
/// without the keys, revoked. Each change is audited. Requires <see cref="ReportsPermissions.Api"/>.
/// </summary>
public sealed class ReportApiKeys
{
    private readonly ReportsStaff _staff;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _clock;

    internal ReportApiKeys(ReportsStaff staff, IAuditLog audit, TimeProvider clock)
    {
        _staff = staff;
        _audit = audit;
        _clock = clock;
    }

    /// <summary>Newest first, revoked keys included (their history matters).</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ReportsPermissions.Api"/>.</exception>
    public async Task<IReadOnlyList<ReportApiKeyListing>> ListAsync(CancellationToken cancellationToken)
    {
        _staff.Require(ReportsPermissions.Api);
        return await _staff.Db.Set<ReportApiKey>().AsNoTracking()
            .OrderByDescending(k => k.CreatedAt)
            .Select(k => new ReportApiKeyListing(k.Id, k.Name, k.Hint, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.RevokedBy))
            .ToListAsync(cancellationToken);
    }

    /// <returns>The key, to show once: it is not stored and cannot be shown again.</returns>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ReportsPermissions.Api"/>.</exception>
    /// <exception cref="ReportRuleException">No name, or one too long.</exception>
    public async Task<string> CreateAsync(string name, CancellationToken cancellationToken)
    {
        _staff.Require(ReportsPermissions.Api);
        var clean = name.Trim();
        if (clean.Length == 0)
        {
            throw new ReportRuleException("API キーの名前（使うシステムやアプリの名前）を入力してください。");
        }

        if (clean.Length > ReportApiKey.MaxNameLength)
        {
            throw new ReportRuleException($"名前は {ReportApiKey.MaxNameLength} 文字までです。");
        }

        var (key, secret) = ReportApiKey.Create(clean, StaffName, _clock.GetUtcNow());
        _staff.Db.Add(key);
        await _staff.Db.SaveChangesAsync(cancellationToken);
        await _audit.RecordAsync(new AuditRecord("reports.api_key.created", "report-api-key", key.Id.ToString(), $"Open311 API キー「{key.Name}」（{key.Hint}…）を作成しました。"), cancellationToken);
        return secret;
    }

    /// <exception cref="UnauthorizedAccessException">Without <see cref="ReportsPermissions.Api"/>.</exception>
    /// <exception cref="ReportRuleException">No such key in this environment, or already revoked.</exception>
    public async Task RevokeAsync(Guid keyId, CancellationToken cancellationToken)
    {
        _staff.Require(ReportsPermissions.Api);
        var key = await _staff.Db.Set<ReportApiKey>().SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken)
            ?? throw new ReportRuleException("API キーが見つかりません。");
        key.Revoke(StaffName, _clock.GetUtcNow());
        await _staff.Db.SaveChangesAsync(cancellationToken);
        await _audit.RecordAsync(new AuditRecord("reports.api_key.revoked", "report-api-key", key.Id.ToString(), $"Open311 API キー「{key.Name}」（{key.Hint}…）を無効にしました。"), cancellationToken);
    }

    private string StaffName => _staff.Member.DisplayName ?? _staff.Member.UserId ?? "";
}

public sealed record ReportApiKeyListing(Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy);
