namespace SmartBranch.Modules.Residents.Contracts;

/// <summary>
/// The current tenant environment's LINE friends as staff see them in the portal. This is personal data:
/// the caller must hold <see cref="ViewPermission"/>, and every page read is recorded in the audit log
/// (who, which page, whether a search was made; never a resident's name or the search text).
/// </summary>
public interface IResidentDirectory
{
    /// <summary>The permission (and policy) a staff member needs to read the directory.</summary>
    const string ViewPermission = "residents.view";

    /// <summary>Residents are listed by the last time they followed or blocked, most recent first.</summary>
    /// <exception cref="UnauthorizedAccessException">The signed-in staff member lacks <see cref="ViewPermission"/>.</exception>
    Task<ResidentDirectoryPage> FindAsync(ResidentDirectoryQuery query, CancellationToken cancellationToken);
}

/// <param name="DisplayName">Part of a LINE display name; null or blank lists everyone.</param>
/// <param name="Page">1-based; a page past the last answers the last.</param>
public sealed record ResidentDirectoryQuery(string? DisplayName, int Page, int PageSize = ResidentDirectoryQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxDisplayNameLength = 100;
}

/// <param name="Page">The page answered (1-based).</param>
/// <param name="Total">Residents matching the query on every page.</param>
public sealed record ResidentDirectoryPage(IReadOnlyList<ResidentListing> Residents, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <param name="FollowedAt">When they last followed (the first time, if never again).</param>
/// <param name="BlockedAt">When they blocked the account, while blocked.</param>
/// <param name="Language">The LINE app's language (<c>ja</c>, <c>en</c>…), when known.</param>
public sealed record ResidentListing(
    Guid Id,
    string? DisplayName,
    bool IsBlocked,
    DateTimeOffset FirstFollowedAt,
    DateTimeOffset FollowedAt,
    DateTimeOffset? BlockedAt,
    string? Language);
