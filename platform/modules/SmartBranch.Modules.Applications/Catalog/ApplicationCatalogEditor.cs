using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Applications.Catalog;

/// <summary>
/// Staff change the fees per copy and the postage fees of the current tenant environment (each environment keeps its
/// own; staging is tried before production is changed the same way). A fee set back to the file's amount stops
/// overriding it. Applications already submitted keep their amounts. Every change is audited.
/// </summary>
public sealed class ApplicationCatalogEditor
{
    private readonly ApplicationCatalogs _catalogs;
    private readonly SmartBranchDbContext _db;
    private readonly ICurrentStaff _staff;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _clock;

    internal ApplicationCatalogEditor(ApplicationCatalogs catalogs, SmartBranchDbContext db, ICurrentStaff staff, IAuditLog audit, TimeProvider clock)
    {
        _catalogs = catalogs;
        _db = db;
        _staff = staff;
        _audit = audit;
        _clock = clock;
    }

    /// <summary>The effective fees next to the file's.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ApplicationsPermissions.ManageCatalog"/>.</exception>
    public async Task<ApplicationFeeSheet> LoadAsync(CancellationToken cancellationToken)
    {
        Require();
        var file = _catalogs.FileCatalog;
        var effective = await _catalogs.EffectiveAsync(cancellationToken);
        return new ApplicationFeeSheet(
            effective.Types.Select(t => new ApplicationFeeLine(ApplicationFeeKind.FeePerCopy, t.Key, t.NameJa, t.FeePerCopy, file.Type(t.Key)!.FeePerCopy)).ToList(),
            effective.Postage.Select(p => new ApplicationFeeLine(ApplicationFeeKind.Postage, p.Key, p.Name, p.Fee, file.PostageOption(p.Key)!.Fee)).ToList());
    }

    /// <summary>Stores the amounts that changed; nothing is stored unless every amount is valid.</summary>
    /// <exception cref="UnauthorizedAccessException">Without <see cref="ApplicationsPermissions.ManageCatalog"/>.</exception>
    /// <returns>How many fees changed, or the amounts out of range and keys not in the catalogue, each named.</returns>
    public async Task<ApplicationFeeSaveResult> SaveAsync(IReadOnlyList<ApplicationFeeChange> changes, CancellationToken cancellationToken)
    {
        var userId = Require();
        var file = _catalogs.FileCatalog;
        var errors = new Dictionary<(ApplicationFeeKind, string), string>();
        foreach (var change in changes)
        {
            var name = NameOf(file, change);
            if (name is null)
            {
                errors[(change.Kind, change.Key)] = $"「{change.Key}」は申請の種類・郵送方法にありません。";
            }
            else if (change.Amount is not { } amount || amount < 0 || amount > ApplicationFeeOverride.MaxAmount)
            {
                errors[(change.Kind, change.Key)] = $"{name}の金額は 0 から {ApplicationFeeOverride.MaxAmount:N0} までの整数（円）で入力してください。";
            }
        }

        if (errors.Count > 0)
        {
            return new ApplicationFeeSaveResult(0, errors);
        }

        var stored = await _db.Set<ApplicationFeeOverride>().ToListAsync(cancellationToken);
        var effective = file.WithOverrides(stored);
        var now = _clock.GetUtcNow();
        var changed = new List<string>();
        foreach (var change in changes)
        {
            var amount = change.Amount!.Value;
            var (current, fileAmount) = change.Kind == ApplicationFeeKind.FeePerCopy
                ? (effective.Type(change.Key)!.FeePerCopy, file.Type(change.Key)!.FeePerCopy)
                : (effective.PostageOption(change.Key)!.Fee, file.PostageOption(change.Key)!.Fee);
            if (current == amount)
            {
                continue;
            }

            var existing = stored.FirstOrDefault(o => o.Kind == change.Kind && o.Key == change.Key);
            if (amount == fileAmount && existing is not null)
            {
                _db.Remove(existing);
            }
            else if (existing is not null)
            {
                existing.Change(amount, _staff.DisplayName ?? userId, now);
            }
            else
            {
                _db.Add(ApplicationFeeOverride.Set(change.Kind, change.Key, amount, _staff.DisplayName ?? userId, now));
            }

            changed.Add($"{NameOf(file, change)} {current}→{amount} 円");
        }

        if (changed.Count == 0)
        {
            return ApplicationFeeSaveResult.Unchanged;
        }

        await _db.SaveChangesAsync(cancellationToken);
        await _audit.RecordAsync(
            new AuditRecord("applications.catalog.fees_changed", "application-catalog", null, $"申請の手数料・郵送料を変更しました: {string.Join("、", changed)}。"),
            cancellationToken);
        return new ApplicationFeeSaveResult(changed.Count, new Dictionary<(ApplicationFeeKind, string), string>());
    }

    private static string? NameOf(ApplicationCatalog file, ApplicationFeeChange change) => change.Kind == ApplicationFeeKind.FeePerCopy
        ? file.Type(change.Key)?.NameJa
        : file.PostageOption(change.Key)?.Name;

    private string Require()
    {
        if (_staff.UserId is not { } userId || !_staff.HasPermission(ApplicationsPermissions.ManageCatalog))
        {
            throw new UnauthorizedAccessException($"この操作には権限「{ApplicationsPermissions.ManageCatalog}」が必要です。");
        }

        return userId;
    }
}

public sealed record ApplicationFeeSheet(IReadOnlyList<ApplicationFeeLine> FeesPerCopy, IReadOnlyList<ApplicationFeeLine> Postage);

/// <param name="Amount">Yen in effect in this environment.</param>
/// <param name="FileAmount">Yen in <c>applications.yml</c>.</param>
public sealed record ApplicationFeeLine(ApplicationFeeKind Kind, string Key, string Name, int Amount, int FileAmount);

/// <param name="Amount">Null when staff left the field empty or typed something not a number.</param>
public sealed record ApplicationFeeChange(ApplicationFeeKind Kind, string Key, int? Amount);

/// <param name="Errors">Japanese messages by fee (kind and key); when any, nothing was stored.</param>
public sealed record ApplicationFeeSaveResult(int Changed, IReadOnlyDictionary<(ApplicationFeeKind Kind, string Key), string> Errors)
{
    public static readonly ApplicationFeeSaveResult Unchanged = new(0, new Dictionary<(ApplicationFeeKind, string), string>());
}
