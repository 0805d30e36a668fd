using Microsoft.Extensions.Configuration;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.UnitTests.Kernel.Tenancy;

public sealed class TenantCatalogTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tenants-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Hirakawa_is_defined_with_production_and_staging()
    {
        var catalog = TenantCatalog.Load(Configuration(("Tenants:Directory", Path.Combine(AppContext.BaseDirectory, "tenants"))));

        var hirakawa = Assert.Single(catalog.Tenants);
        Assert.Equal("hirakawa", hirakawa.Slug);
        Assert.Equal("平川市", hirakawa.Name);
        Assert.Equal(["production", "staging"], hirakawa.Environments.Select(e => e.Name));
    }

    [Fact]
    public void Staging_defaults_to_the_emulator_and_production_to_LINE_both_inactive_until_credentials_exist()
    {
        WriteTenant("sample", "production", "staging");

        var tenant = TenantCatalog.Load(Configuration(("Emulator:Url", "http://localhost:6000"))).Find("sample")!;

        var staging = tenant.FindEnvironment("staging")!.Line;
        var production = tenant.FindEnvironment("production")!.Line;
        Assert.Equal((LineMode.Emulator, new Uri("http://localhost:6000")), (staging.Mode, staging.ApiBaseUrl));
        Assert.Equal((LineMode.Line, new Uri("https://api.line.me"), new Uri("https://api-data.line.me")),
            (production.Mode, production.ApiBaseUrl, production.DataApiBaseUrl));
        Assert.False(staging.IsConfigured);
        Assert.False(production.IsConfigured);
    }

    [Fact]
    public void Resident_pages_load_LINEs_LIFF_SDK_or_in_Emulator_mode_the_emulators_stand_in()
    {
        WriteTenant("sample", "production", "staging");

        var tenant = TenantCatalog.Load(Configuration(("Emulator:Url", "http://localhost:6000"))).Find("sample")!;

        Assert.Equal(new Uri("http://localhost:6000/_sim/liff/sdk.js"), tenant.FindEnvironment("staging")!.Line.LiffSdkUrl);
        Assert.Equal(new Uri("https://static.line-scdn.net/liff/edge/2/sdk.js"), tenant.FindEnvironment("production")!.Line.LiffSdkUrl);
    }

    [Fact]
    public void Line_settings_come_from_configuration_per_environment()
    {
        WriteTenant("sample", "production", "staging");

        var production = TenantCatalog.Load(Configuration(
            ("Tenants:sample:production:Line:ChannelId", "1234567890"),
            ("Tenants:sample:production:Line:ChannelSecret", "secret"),
            ("Tenants:sample:production:Line:ChannelAccessToken", "token"),
            ("Tenants:sample:production:Line:ApiBaseUrl", "http://127.0.0.1:9999"))).Find("sample")!.FindEnvironment("production")!.Line;

        Assert.True(production.IsConfigured);
        Assert.Equal(new Uri("http://127.0.0.1:9999"), production.ApiBaseUrl);
        Assert.Equal(new Uri("https://api-data.line.me"), production.DataApiBaseUrl);
        Assert.Equal("1234567890", production.ChannelId);
    }

    [Fact]
    public void The_emulator_can_never_serve_production()
    {
        WriteTenant("sample", "production");

        var error = Assert.Throws<InvalidOperationException>(() =>
            TenantCatalog.Load(Configuration(("Tenants:sample:production:Line:Mode", "Emulator"))));

        Assert.Contains("never serves a production environment", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mode", "Sandbox", "must be Line or Emulator")]
    [InlineData("ApiBaseUrl", "api.line.me", "must be an absolute http(s) URL")]
    public void Bad_settings_are_named_in_the_error(string key, string value, string expected)
    {
        WriteTenant("sample", "staging");

        var error = Assert.Throws<InvalidOperationException>(() =>
            TenantCatalog.Load(Configuration(($"Tenants:sample:staging:Line:{key}", value))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("Tenants:sample:staging:Line", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("slug: other\nname: x\nenvironments: [staging]", "must equal its folder name")]
    [InlineData("slug: sample\nname: x\nenvironments: [test]", "environments must be among")]
    [InlineData("slug: sample\nname: [unclosed", "is not valid YAML")]
    public void A_broken_tenant_file_stops_the_start_up_with_its_path(string yaml, string expected)
    {
        Directory.CreateDirectory(Path.Combine(_directory, "sample"));
        File.WriteAllText(Path.Combine(_directory, "sample", "tenant.yml"), yaml);

        var error = Assert.Throws<InvalidOperationException>(() => TenantCatalog.Load(Configuration()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("sample", "tenant.yml"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tenants_from_the_database_join_those_from_files_without_a_restart()
    {
        WriteTenant("sample", "production", "staging");
        var catalog = TenantCatalog.Load(Configuration());

        catalog.Apply(
        [
            Stored("sample", TenantStatus.Active, new Dictionary<string, LineChannelInput>()),
            Stored("created", TenantStatus.Suspended, new Dictionary<string, LineChannelInput>
            {
                ["staging"] = new(LineMode.Emulator, "42", "secret", "token", null, null, null, null),
            }),
        ]);

        Assert.Equal(["sample", "created"], catalog.Tenants.Select(t => t.Slug));
        var created = catalog.Find("created")!;
        Assert.Equal(("作成市", ""), (created.Name, created.DirectoryPath));
        Assert.True(created.FindEnvironment("staging")!.Line.IsConfigured);
        Assert.Equal(TenantStatus.Suspended, catalog.StatusOf("created"));
        Assert.Equal("テスト市", catalog.Find("sample")!.Name);
    }

    [Fact]
    public void Each_LINE_setting_comes_from_configuration_then_the_console_then_the_default()
    {
        WriteTenant("sample", "production");
        var catalog = TenantCatalog.Load(Configuration(("Tenants:sample:production:Line:ChannelAccessToken", "from-configuration")));

        catalog.Apply([Stored("sample", TenantStatus.Active, new Dictionary<string, LineChannelInput>
        {
            ["production"] = new(LineMode.Line, "42", "stored-secret", "stored-token", new Uri("http://127.0.0.1:7000"), null, null, null),
        })]);

        var line = catalog.Find("sample")!.FindEnvironment("production")!.Line;
        Assert.Equal(("42", "stored-secret", "from-configuration"), (line.ChannelId, line.ChannelSecret, line.ChannelAccessToken));
        Assert.Equal((new Uri("http://127.0.0.1:7000"), new Uri("https://api-data.line.me")), (line.ApiBaseUrl, line.DataApiBaseUrl));
    }

    [Theory]
    [InlineData("hirakawa", true)]
    [InlineData("aomori-city", true)]
    [InlineData("Hirakawa", false)]
    [InlineData("-x", false)]
    [InlineData("a", false)]
    [InlineData("平川", false)]
    public void Slugs_are_lower_case_letters_digits_and_hyphens(string slug, bool valid) =>
        Assert.Equal(valid, TenantSlug.IsValid(slug));

    private static StoredTenant Stored(string slug, TenantStatus status, Dictionary<string, LineChannelInput> channels) =>
        new(slug, "作成市", "Created City", ["production", "staging"], status, channels);

    private void WriteTenant(string slug, params string[] environments)
    {
        Directory.CreateDirectory(Path.Combine(_directory, slug));
        File.WriteAllText(Path.Combine(_directory, slug, "tenant.yml"),
            $"slug: {slug}\nname: テスト市\nnameEn: Test City\nenvironments: [{string.Join(", ", environments)}]\n");
    }

    private IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Tenants:Directory"] = _directory })
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
