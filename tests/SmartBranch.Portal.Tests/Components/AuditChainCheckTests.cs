using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Audit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Portal.Modules.Audit;

namespace SmartBranch.Portal.Tests.Components;

public sealed class AuditChainCheckTests : PortalComponentTest
{
    private readonly FixedAuditVerification _search = new();

    public AuditChainCheckTests() => Services.AddSingleton<IAuditLogSearch>(_search);

    [Fact]
    public void An_intact_chain_is_reported_with_the_entries_checked()
    {
        Staff.Permissions.Add(KernelPermissions.AuditView);
        _search.Result = new AuditChainVerification(1, 42, null);
        var check = Render();

        check.Find("button").Click();

        Assert.Equal("改ざんはありません（42 件を確認しました）。", check.Find(".audit-chain-intact").TextContent);
    }

    [Fact]
    public void A_broken_chain_names_the_first_bad_entry()
    {
        Staff.Permissions.Add(KernelPermissions.AuditView);
        _search.Result = new AuditChainVerification(1, 6, new AuditChainBreak("hirakawa", 7, "記録の内容が変更されています。"));
        var check = Render();

        check.Find("button").Click();

        Assert.Equal("改ざんを検出しました: 7 番の記録 — 記録の内容が変更されています。", check.Find(".audit-chain-broken").TextContent);
    }

    [Fact]
    public void Without_the_permission_nothing_is_verified()
    {
        var check = Render();

        check.Find("button").Click();

        Assert.Equal(0, _search.Verifications);
        Assert.Contains("権限がありません", check.Find(".form-error").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<AuditChainCheck> Render() =>
        Render<AuditChainCheck>(p => p.Add(c => c.TenantSlug, "hirakawa").Add(c => c.EnvironmentName, "production"));

    private sealed class FixedAuditVerification : IAuditLogSearch
    {
        public AuditChainVerification Result { get; set; } = new(0, 0, null);

        public int Verifications { get; private set; }

        public Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken)
        {
            Verifications++;
            return Task.FromResult(Result);
        }

        public Task<AuditSearchPage> SearchAsync(AuditSearchFilter filter, int page, int pageSize, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task ExportCsvAsync(AuditSearchFilter filter, Stream output, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<AuditActor>> ListActorsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
