using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>
/// A tenant's grants as a test sets them; records what the components ask for, and <see cref="Refusal"/>
/// makes the next change fail with the service's Japanese message.
/// </summary>
internal sealed class FakeAccessGrants : IPersonalDataAccessGrants
{
    public static readonly DateTimeOffset Now = new(2026, 4, 1, 1, 0, 0, TimeSpan.Zero);

    public List<PersonalDataAccessGrant> Stored { get; } = [];

    public List<(string Tenant, string Reason, TimeSpan Duration, bool Emergency)> Requests { get; } = [];

    public List<Guid> Approved { get; } = [];

    public List<Guid> Revoked { get; } = [];

    public string? Refusal { get; set; }

    public static PersonalDataAccessGrant Grant(
        PersonalDataAccessGrantState state, string operatorUserId = "op-1", string operatorName = "運用 一郎", bool emergency = false) => new(
        Guid.NewGuid(), "hirakawa", operatorUserId, operatorName, "問い合わせ #123 の調査", emergency, TimeSpan.FromHours(2), state,
        Now.AddMinutes(-30),
        state is PersonalDataAccessGrantState.Pending || emergency ? null : "admin-1",
        state is PersonalDataAccessGrantState.Pending || emergency ? null : "平川 花子",
        state is PersonalDataAccessGrantState.Pending || emergency ? null : Now.AddMinutes(-20),
        state is PersonalDataAccessGrantState.Pending ? null : Now.AddMinutes(100),
        state is PersonalDataAccessGrantState.Revoked ? Now.AddMinutes(-5) : null);

    public Task<PersonalDataAccessGrant> RequestAsync(string tenantSlug, string reason, TimeSpan duration, bool emergency, CancellationToken cancellationToken)
    {
        Refuse();
        Requests.Add((tenantSlug, reason, duration, emergency));
        var grant = new PersonalDataAccessGrant(
            Guid.NewGuid(), tenantSlug, "op-1", "運用 一郎", reason, emergency, duration,
            emergency ? PersonalDataAccessGrantState.Active : PersonalDataAccessGrantState.Pending,
            Now, null, null, null, emergency ? Now + duration : null, null);
        Stored.Insert(0, grant);
        return Task.FromResult(grant);
    }

    public Task<PersonalDataAccessGrant> ApproveAsync(Guid grantId, CancellationToken cancellationToken)
    {
        Refuse();
        Approved.Add(grantId);
        var grant = Replace(grantId, g => g with
        {
            State = PersonalDataAccessGrantState.Active, ApprovedByUserId = "admin-1", ApprovedByDisplayName = "平川 花子",
            ApprovedAt = Now, ExpiresAt = Now + g.Duration,
        });
        return Task.FromResult(grant);
    }

    public Task RevokeAsync(Guid grantId, CancellationToken cancellationToken)
    {
        Refuse();
        Revoked.Add(grantId);
        Replace(grantId, g => g with { State = PersonalDataAccessGrantState.Revoked, RevokedAt = Now });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PersonalDataAccessGrant>> ListAsync(string tenantSlug, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PersonalDataAccessGrant>>(Stored.Where(g => g.TenantSlug == tenantSlug).ToList());

    public Task<bool> HasActiveGrantAsync(string operatorUserId, string tenantSlug, CancellationToken cancellationToken) =>
        Task.FromResult(Stored.Any(g => g.OperatorUserId == operatorUserId && g.TenantSlug == tenantSlug && g.State == PersonalDataAccessGrantState.Active));

    private PersonalDataAccessGrant Replace(Guid grantId, Func<PersonalDataAccessGrant, PersonalDataAccessGrant> change)
    {
        var index = Stored.FindIndex(g => g.Id == grantId);
        Stored[index] = change(Stored[index]);
        return Stored[index];
    }

    private void Refuse()
    {
        if (Refusal is { } message)
        {
            Refusal = null;
            throw new PersonalDataAccessGrantException(message);
        }
    }
}
