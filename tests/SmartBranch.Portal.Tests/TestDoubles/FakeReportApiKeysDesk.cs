using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.ApiKeys;
using SmartBranch.Portal.Modules.Reports;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>Keys in memory, with the module's rules for names and revocation.</summary>
internal sealed class FakeReportApiKeysDesk : IReportApiKeysDesk
{
    public static readonly DateTimeOffset CreatedAt = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public List<ReportApiKeyListing> Keys { get; } = [];

    public Task<IReadOnlyList<ReportApiKeyListing>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReportApiKeyListing>>([.. Keys.OrderByDescending(k => k.CreatedAt)]);

    public Task<string> CreateAsync(string name, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            throw new ReportRuleException("API キーの名前（使うシステムやアプリの名前）を入力してください。");
        }

        var secret = $"o311_secret{Keys.Count + 1:D2}";
        Keys.Add(new ReportApiKeyListing(Guid.NewGuid(), name, secret[..11], CreatedAt.AddDays(Keys.Count), "管理 花子", null, null));
        return Task.FromResult(secret);
    }

    public Task RevokeAsync(Guid keyId, CancellationToken cancellationToken)
    {
        var index = Keys.FindIndex(k => k.Id == keyId);
        Keys[index] = Keys[index] with { RevokedAt = CreatedAt.AddDays(10), RevokedBy = "管理 花子" };
        return Task.CompletedTask;
    }
}
