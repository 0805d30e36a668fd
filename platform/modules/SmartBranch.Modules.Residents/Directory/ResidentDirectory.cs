using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Modules.Residents.Domain;

namespace SmartBranch.Modules.Residents.Directory;

/// <summary>
/// Reads the current environment's residents (the tenant filter applies) for a staff member who holds
/// <see cref="IResidentDirectory.ViewPermission"/>, and records the read before answering.
/// </summary>
internal sealed class ResidentDirectory(SmartBranchDbContext db, ICurrentStaff staff, IAuditLog audit) : IResidentDirectory
{
    public const string ViewedAction = "residents.list.viewed";

    public async Task<ResidentDirectoryPage> FindAsync(ResidentDirectoryQuery query, CancellationToken cancellationToken)
    {
        if (staff.UserId is null || !staff.HasPermission(IResidentDirectory.ViewPermission))
        {
            throw new UnauthorizedAccessException($"Reading the resident directory requires {IResidentDirectory.ViewPermission}.");
        }

        var pageSize = Math.Clamp(query.PageSize, 1, ResidentDirectoryQuery.MaxPageSize);
        var name = query.DisplayName?.Trim() is { Length: > 0 } text ? text[..Math.Min(text.Length, ResidentDirectoryQuery.MaxDisplayNameLength)] : null;

        var residents = db.Set<Resident>().AsNoTracking();
        if (name is not null)
        {
            residents = residents.Where(r => r.DisplayName != null && r.DisplayName.Contains(name));
        }

        var total = await residents.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);

        await audit.RecordAsync(
            new AuditRecord(
                ViewedAction,
                TargetType: "resident",
                Summary: Summary(page, searched: name is not null),
                TouchesPersonalData: true),
            cancellationToken);

        var listings = await residents
            .OrderByDescending(r => r.BlockedAt ?? r.FollowedAt)
            .ThenBy(r => r.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(r => new ResidentListing(
                r.Id,
                r.DisplayName,
                r.Status == ResidentStatus.Blocked,
                r.FirstFollowedAt,
                r.FollowedAt,
                r.BlockedAt,
                r.Language))
            .ToListAsync(cancellationToken);

        return new ResidentDirectoryPage(listings, page, pageSize, total);
    }

    // The search text is part of a name, so the entry says only that there was one.
    private static string Summary(int page, bool searched) =>
        string.Create(CultureInfo.InvariantCulture, $"住民一覧の {page} ページ目を表示しました") + (searched ? "（表示名で検索）。" : "。");
}
