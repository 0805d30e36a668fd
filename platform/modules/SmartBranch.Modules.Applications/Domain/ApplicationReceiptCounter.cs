using System.Globalization;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Applications.Domain;

/// <summary>
/// The last receipt number given in a year (Japan time) in a tenant environment. <see cref="Last"/> is a concurrency
/// token: two applications submitted at once cannot take the same number; the loser retries.
/// </summary>
public sealed class ApplicationReceiptCounter : ITenantOwned
{
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public int Year { get; private init; }
    public int Last { get; private set; }

    public static ApplicationReceiptCounter For(int year) => new() { Year = year };

    /// <summary><c>A-2026-000123</c>; past 999,999 the number simply grows wider.</summary>
    public string Next()
    {
        Last++;
        return string.Create(CultureInfo.InvariantCulture, $"A-{Year:D4}-{Last:D6}");
    }
}
