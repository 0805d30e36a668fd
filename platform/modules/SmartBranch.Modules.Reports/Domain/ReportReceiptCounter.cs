using System.Globalization;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Reports.Domain;

/// <summary>
/// The last receipt number given in a year (Japan time) in a tenant environment. <see cref="Last"/> is a concurrency
/// token: two reports filed at once on PostgreSQL cannot take the same number; the loser's webhook event is retried.
/// </summary>
public sealed class ReportReceiptCounter : ITenantOwned
{
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public int Year { get; private init; }
    public int Last { get; private set; }

    public static ReportReceiptCounter For(int year) => new() { Year = year };

    /// <summary><c>R-2026-000123</c>; past 999,999 the number simply grows wider.</summary>
    public string Next()
    {
        Last++;
        return string.Create(CultureInfo.InvariantCulture, $"R-{Year:D4}-{Last:D6}");
    }
}
