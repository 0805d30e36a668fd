using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Applications.Catalog;

/// <summary>
/// A fee staff set for one tenant environment in place of the catalogue file's default: a type's fee per copy or a
/// postage option's fee. Applications already submitted keep the amount they were submitted with.
/// </summary>
public sealed class ApplicationFeeOverride : ITenantOwned
{
    public const int MaxAmount = 100_000;

    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public ApplicationFeeKind Kind { get; private init; }

    /// <summary>The application type's key or the postage option's key.</summary>
    public string Key { get; private init; } = "";

    public int Amount { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    /// <exception cref="ArgumentOutOfRangeException">The amount is negative or above <see cref="MaxAmount"/>.</exception>
    public static ApplicationFeeOverride Set(ApplicationFeeKind kind, string key, int amount, string updatedBy, DateTimeOffset now)
    {
        var fee = new ApplicationFeeOverride { Kind = kind, Key = key };
        fee.Change(amount, updatedBy, now);
        return fee;
    }

    /// <exception cref="ArgumentOutOfRangeException">The amount is negative or above <see cref="MaxAmount"/>.</exception>
    public void Change(int amount, string updatedBy, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amount, MaxAmount);
        Amount = amount;
        UpdatedBy = updatedBy;
        UpdatedAt = now;
    }
}

public enum ApplicationFeeKind
{
    FeePerCopy,
    Postage,
}
