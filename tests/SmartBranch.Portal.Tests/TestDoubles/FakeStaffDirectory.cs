using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>An in-memory staff directory; <see cref="Refusal"/> makes the next call fail as the real one would.</summary>
internal sealed class FakeStaffDirectory : IStaffDirectory
{
    public List<StaffMember> Members { get; } =
    [
        new("u-admin", "admin@city.example.jp", "管理 太郎", [StaffRoles.Admin], ["総務課"], false, true, true, null),
    ];

    public string? Refusal { get; set; }

    public Task<IReadOnlyList<StaffMember>> ListAsync(string tenantSlug, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StaffMember>>([.. Members]);

    public Task<StaffMember> InviteAsync(string tenantSlug, StaffInvitation invitation, CancellationToken cancellationToken)
    {
        Refuse();
        var member = new StaffMember($"u-{Members.Count}", invitation.Email, invitation.DisplayName, invitation.Roles, invitation.Departments, false, false, false, null);
        Members.Add(member);
        return Task.FromResult(member);
    }

    public Task<StaffMember> UpdateAsync(
        string tenantSlug, string userId, IReadOnlyList<string> roles, IReadOnlyList<string> departments, CancellationToken cancellationToken)
    {
        Refuse();
        return Task.FromResult(Replace(userId, m => m with { Roles = roles, Departments = departments }));
    }

    public Task<StaffMember> SetDisabledAsync(string tenantSlug, string userId, bool disabled, CancellationToken cancellationToken)
    {
        Refuse();
        return Task.FromResult(Replace(userId, m => m with { IsDisabled = disabled }));
    }

    private StaffMember Replace(string userId, Func<StaffMember, StaffMember> change)
    {
        var index = Members.FindIndex(m => m.UserId == userId);
        Members[index] = change(Members[index]);
        return Members[index];
    }

    private void Refuse()
    {
        if (Refusal is { } message)
        {
            throw new StaffDirectoryException(message);
        }
    }
}
