using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Privacy;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Applications;

/// <summary>An application's personal fields are ciphertext in the database, and only their own tenant environment opens them.</summary>
public abstract class ApplicationPersonalDataTests(ApplicationsBed fixture)
{
    [Fact]
    public async Task The_database_holds_no_plaintext_of_what_the_resident_entered_or_of_the_verified_identity_and_certificate()
    {
        var bed = await fixture.GetAsync();
        var scenario = new ApplicationScenario(fixture, bed);
        var resident = await scenario.FriendAsync();
        using var browser = new Browser(bed.App.Address);
        await scenario.SignedAsync(browser, resident, "juminhyo", ApplicationScenario.Juminhyo());

        string[] plaintexts = ["平川 花子", "平川 一郎", "柏木町", "036-0104", "0172-44-1111", "就職", "1985-04-01", "certificate-der", "Y2VydGlmaWNhdGUtZGVy"];
        var columns = await RawColumnsAsync(bed, resident);
        Assert.Equal(4, columns.Length);
        foreach (var raw in columns)
        {
            Assert.StartsWith("CfDJ8", raw, StringComparison.Ordinal); // A Data Protection payload.
            Assert.All(plaintexts, p => Assert.DoesNotContain(p, raw, StringComparison.Ordinal));
        }

        var opened = await bed.InTenantAsync(ApplicationScenario.Channel, (_, services) =>
        {
            var tenant = services.GetRequiredService<ICurrentTenant>().Required;
            return Task.FromResult(services.GetRequiredService<IPersonalDataProtector>().Open(tenant, new SealedText(columns[0])));
        });
        using var form = System.Text.Json.JsonDocument.Parse(opened);
        Assert.Equal("平川 一郎", form.RootElement.GetProperty("householdMembers")[1].GetString());
    }

    [Fact]
    public async Task Another_tenant_or_environment_cannot_open_a_field_sealed_for_Hirakawas_staging()
    {
        var bed = await fixture.GetAsync();
        var protector = bed.App.Services.GetRequiredService<IPersonalDataProtector>();
        var catalog = bed.App.Services.GetRequiredService<ITenantCatalog>();
        var hirakawa = catalog.Find("hirakawa")!;
        var other = catalog.Find(LineTestBed.OtherCityStaging.Tenant)!;
        var staging = new TenantContext(hirakawa, hirakawa.FindEnvironment("staging")!);

        var sealedText = protector.Seal(staging, "平川 花子");

        Assert.Equal("平川 花子", protector.Open(staging, sealedText));
        Assert.Throws<PersonalDataUnreadableException>(() => protector.Open(new TenantContext(other, other.FindEnvironment("staging")!), sealedText));
        Assert.Throws<PersonalDataUnreadableException>(() => protector.Open(new TenantContext(hirakawa, hirakawa.FindEnvironment("production")!), sealedText));
        Assert.Equal("[sealed]", sealedText.ToString());
    }

    /// <summary>The application's form data, signed document, certificate and identity as stored, read past EF's mapping.</summary>
    private static Task<string[]> RawColumnsAsync(LineTestBed bed, string lineUserId) => bed.InTenantAsync(ApplicationScenario.Channel, async (db, _) =>
        (await db.Database.SqlQuery<string>($"""
            SELECT form_data || '|' || signed_document || '|' || signer_certificate || '|' || verified_identity AS "Value"
            FROM applications_applications WHERE line_user_id = {lineUserId}
            """).SingleAsync()).Split('|'));
}

public sealed class SqliteApplicationPersonalDataTests(SqliteApplicationsBed fixture) : ApplicationPersonalDataTests(fixture), IClassFixture<SqliteApplicationsBed>;

public sealed class PostgresApplicationPersonalDataTests(PostgresApplicationsBed fixture) : ApplicationPersonalDataTests(fixture), IClassFixture<PostgresApplicationsBed>;
