using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Residents.Domain;

public enum ResidentStatus
{
    /// <summary>A friend of the account: may receive messages.</summary>
    Friend,

    /// <summary>Blocked the account: excluded from every send until they follow again.</summary>
    Blocked,
}

/// <summary>A LINE user who follows (or followed) one tenant environment's account.</summary>
public sealed class Resident : ITenantOwned
{
    private Resident()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public string LineUserId { get; private init; } = "";
    public string? DisplayName { get; private set; }
    public string? Language { get; private set; }
    public ResidentStatus Status { get; private set; }
    public DateTimeOffset FirstFollowedAt { get; private init; }
    public DateTimeOffset FollowedAt { get; private set; }
    public DateTimeOffset? BlockedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The version of the consent text (<c>segments.yml</c>) the resident last accepted; null: never.</summary>
    public string? ConsentVersion { get; private set; }

    public DateTimeOffset? ConsentAcceptedAt { get; private set; }

    public static Resident Follow(string lineUserId, DateTimeOffset at) => new()
    {
        LineUserId = lineUserId,
        Status = ResidentStatus.Friend,
        FirstFollowedAt = at,
        FollowedAt = at,
        UpdatedAt = at,
    };

    /// <summary>Following again after a block restores the resident.</summary>
    public void Refollow(DateTimeOffset at)
    {
        Status = ResidentStatus.Friend;
        FollowedAt = at;
        BlockedAt = null;
        UpdatedAt = at;
    }

    public void Block(DateTimeOffset at)
    {
        Status = ResidentStatus.Blocked;
        BlockedAt = at;
        UpdatedAt = at;
    }

    public void AcceptConsent(string version, DateTimeOffset at)
    {
        if (ConsentVersion != version)
        {
            ConsentVersion = version;
            ConsentAcceptedAt = at;
        }

        UpdatedAt = at;
    }

    public void UpdateProfile(string? displayName, string? language, DateTimeOffset at)
    {
        DisplayName = displayName;
        Language = language;
        UpdatedAt = at;
    }
}
