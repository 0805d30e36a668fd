using Bunit;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Portal.Ops.ApiClients;

namespace SmartBranch.Portal.Tests.Components;

/// <summary>An operator registers the city's disaster system with its scope, sees the secret once, and revokes a client after a confirmation.</summary>
public sealed class ApiClientsPanelTests : PortalComponentTest
{
    [Fact]
    public void A_registered_clients_id_and_secret_are_shown_once_and_it_is_listed_with_its_scope()
    {
        var panel = Render<ApiClientsPanel>(p => p.Add(c => c.TenantSlug, "hirakawa").Add(c => c.TenantName, "平川市"));
        Assert.Contains("登録済みの API クライアントはありません", panel.Find("#no-api-clients").TextContent);

        panel.Find("#api-client-name").Change("防災システム");
        panel.Find("form").Submit();

        var (_, client) = Assert.Single(ApiClients.Stored);
        Assert.Equal([ApiScopes.DisasterMode], client.Scopes);
        Assert.Equal(client.ClientId, panel.Find("#api-client-id").TextContent);
        Assert.Equal("secret-1", panel.Find("#api-client-secret").TextContent);
        Assert.Contains("防災モードの切り替え", panel.Find("#api-clients").TextContent);

        var again = Render<ApiClientsPanel>(p => p.Add(c => c.TenantSlug, "hirakawa").Add(c => c.TenantName, "平川市"));
        Assert.DoesNotContain("secret-1", again.Markup);
        Assert.Contains(client.ClientId, again.Find("#api-clients").TextContent);
    }

    [Fact]
    public void A_client_is_revoked_only_after_a_confirmation_and_a_nameless_one_is_refused_in_Japanese()
    {
        ApiClients.Stored.Add(("hirakawa", new ApiClientSummary("hirakawa-0000000000aa", "防災システム", [ApiScopes.DisasterMode])));
        var panel = Render<ApiClientsPanel>(p => p.Add(c => c.TenantSlug, "hirakawa").Add(c => c.TenantName, "平川市"));

        panel.Find(".api-client-revoke").Click();
        Assert.Single(ApiClients.Stored);
        panel.Find(".api-client-revoke-confirm").Click();
        panel.Find("#api-client-name").Change(" ");
        panel.Find("form").Submit();

        Assert.Empty(ApiClients.Stored);
        Assert.Equal("名前を入力してください。", panel.Find("#api-client-error").TextContent);
        Assert.Contains("登録済みの API クライアントはありません", panel.Find("#no-api-clients").TextContent);
    }
}
