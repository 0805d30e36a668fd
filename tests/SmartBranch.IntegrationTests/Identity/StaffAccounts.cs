using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Identity;

/// <summary>Accounts made directly in the database, for tests about what happens after an invitation.</summary>
internal static class StaffAccounts
{
    /// <summary>A member who has not set up an authenticator yet.</summary>
    public static Task<TestAccount> CreateAsync(LineTestBed bed, string tenant, params string[] roles) =>
        TestAccounts.CreateMemberAsync(bed.App.Services, tenant, roles);

    /// <summary>On the setup page: reads the shared key, answers with a code, and returns the key and the recovery codes page.</summary>
    public static async Task<(string Key, BrowserPage Page)> SetUpAuthenticatorAsync(this Browser browser, BrowserPage setup)
    {
        Assert.Equal("/account/setup-authenticator", setup.Path);
        Assert.NotNull(setup.Document.QuerySelector(".qr svg"));
        var key = setup.Document.QuerySelector("#shared-key")!.TextContent.Trim();
        var done = await browser.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        return (key, done);
    }

    public static IReadOnlyList<string> RecoveryCodes(this BrowserPage page) =>
        page.Document.QuerySelectorAll(".codes code").Select(c => c.TextContent.Trim()).ToList();
}
