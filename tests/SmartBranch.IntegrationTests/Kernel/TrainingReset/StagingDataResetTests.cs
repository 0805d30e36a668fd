using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.IntegrationTests.Modules.Surveys;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.TrainingReset;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Residents.Domain;
using SmartBranch.Modules.Residents.Preferences;
using SmartBranch.Modules.Surveys.Answering;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Forms;
using SmartBranch.Modules.Surveys.Images;
using SmartBranch.Modules.Surveys.PublicComments.Domain;

namespace SmartBranch.IntegrationTests.Kernel.TrainingReset;

/// <summary>
/// The operator's reset of a staging environment before a training session: what trainees made is gone, the
/// demo residents are there (and friends of the channel in the emulator), and nothing else moved.
/// </summary>
public abstract class StagingDataResetTests(TestBedFixture fixture)
{
    private static readonly TestChannel Staging = LineTestBed.HirakawaStaging;
    private static readonly TestChannel Production = LineTestBed.HirakawaProduction;
    private static readonly TestChannel OtherCity = LineTestBed.OtherCityStaging;

    [Fact]
    public async Task A_reset_erases_what_trainees_made_in_staging_and_leaves_twenty_demo_residents_with_preferences()
    {
        var bed = await fixture.GetAsync();
        var trainee = await SeedAsync(bed, Staging);

        var result = await ResetAsync(bed, Staging.Environment);

        var left = await CountsAsync(bed, Staging, trainee);
        Assert.Equal(new SeededCounts(Residents: 0, Preferences: 0, Deliveries: 0, Reports: 0, Answers: 0, Surveys: 1, Settings: 1), left);
        Assert.Equal(20, result.DemoResidents);
        Assert.Contains(result.Erased, e => e.NameJa == "住民（友だち）" && e.Count >= 1);
        Assert.Contains(result.Erased, e => e.NameJa == "配信" && e.Count >= 1);
        Assert.Contains(result.Erased, e => e.NameJa == "通報の案件" && e.Count >= 1);
        Assert.Contains(result.Erased, e => e.NameJa == "アンケートの回答" && e.Count >= 1);

        var districts = await bed.InTenantAsync(Staging, async (db, _) =>
        {
            var residents = await db.Set<Resident>().AsNoTracking().ToListAsync();
            Assert.Equal(20, residents.Count);
            Assert.All(residents, r => Assert.Equal(ResidentStatus.Friend, r.Status));
            Assert.All(residents, r => Assert.EndsWith("（デモ）", r.DisplayName));
            Assert.All(residents, r => Assert.NotNull(r.ConsentVersion));
            return await db.Set<ResidentAttributeValue>().Where(v => v.AttributeKey == "area").Select(v => v.ValueKey).Distinct().ToListAsync();
        });
        Assert.Equal(["hiraka", "ikarigaseki", "onoe"], districts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_demo_residents_are_friends_of_the_staging_channel_in_the_emulator()
    {
        var bed = await fixture.GetAsync();

        var result = await ResetAsync(bed, Staging.Environment);

        Assert.True(result.EmulatorFriends);
        var demo = await bed.InTenantAsync(Staging, (db, _) => db.Set<Resident>().Select(r => r.LineUserId).ToListAsync());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2/bot/followers/ids?limit=1000");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Staging.AccessToken);
        using var response = await bed.EmulatorClient.SendAsync(request);
        var followers = (await response.Content.ReadFromJsonAsync<JsonObject>())!["userIds"]!.AsArray().Select(id => id!.GetValue<string>());
        Assert.Subset(followers.ToHashSet(), demo.ToHashSet());
    }

    [Fact]
    public async Task Production_and_another_city_keep_everything()
    {
        var bed = await fixture.GetAsync();
        var production = await SeedAsync(bed, Production);
        var otherCity = await SeedAsync(bed, OtherCity);

        await ResetAsync(bed, Staging.Environment);

        var everything = new SeededCounts(Residents: 1, Preferences: 1, Deliveries: 1, Reports: 1, Answers: 1, Surveys: 1, Settings: 1);
        Assert.Equal(everything, await CountsAsync(bed, Production, production));
        Assert.Equal(everything, await CountsAsync(bed, OtherCity, otherCity));
    }

    [Fact]
    public async Task Production_is_refused_in_the_service_and_keeps_its_data()
    {
        var bed = await fixture.GetAsync();
        var production = await SeedAsync(bed, Production);

        var refused = await Assert.ThrowsAsync<StagingResetException>(() => ResetAsync(bed, Production.Environment));

        Assert.Contains("本番環境のデータは消せません", refused.Message);
        Assert.Equal(1, (await CountsAsync(bed, Production, production)).Residents);
    }

    [Fact]
    public async Task Only_an_operator_may_reset()
    {
        var bed = await fixture.GetAsync();

        var refused = await Assert.ThrowsAsync<StagingResetException>(
            () => ResetAsync(bed, Staging.Environment, TestStaff.Member("admin-1", KernelPermissions.StaffManage)));

        Assert.Contains("運用事業者だけ", refused.Message);
    }

    [Fact]
    public async Task The_reset_is_in_the_tenants_audit_log_with_its_counts_and_reason_and_no_entry_is_erased()
    {
        var bed = await fixture.GetAsync();
        await SeedAsync(bed, Staging);
        var entriesBefore = await AuditEntriesAsync(bed);

        await ResetAsync(bed, Staging.Environment);

        var entries = await AuditEntriesAsync(bed);
        Assert.Equal(entriesBefore.Count + 1, entries.Count);
        var reset = entries[^1];
        Assert.Equal(("tenant.staging_reset", "hirakawa", "op-1"), (reset.Action, reset.TenantSlug, reset.ActorUserId));
        Assert.Contains("住民（友だち） ", reset.Summary);
        Assert.Contains("デモ住民 20 人", reset.Summary);
        Assert.Contains("理由: 12 月の職員研修", reset.Summary);
    }

    [Fact]
    public async Task A_second_reset_erases_the_demo_residents_of_the_first_and_makes_the_same_ones_again()
    {
        var bed = await fixture.GetAsync();
        await ResetAsync(bed, Staging.Environment);
        var first = await bed.InTenantAsync(Staging, (db, _) => db.Set<Resident>().Select(r => r.LineUserId).ToListAsync());

        var second = await ResetAsync(bed, Staging.Environment);

        var again = await bed.InTenantAsync(Staging, (db, _) => db.Set<Resident>().Select(r => r.LineUserId).ToListAsync());
        Assert.Equal(first.Order(StringComparer.Ordinal), again.Order(StringComparer.Ordinal));
        Assert.Equal(20, second.Erased.Single(e => e.NameJa == "住民（友だち）").Count);
        Assert.Equal(20, second.DemoResidents);
    }

    [Fact]
    public async Task Survey_definitions_are_kept_unless_the_operator_asks_to_erase_them()
    {
        var bed = await fixture.GetAsync();
        var staging = await SeedAsync(bed, Staging);
        var production = await SeedAsync(bed, Production);

        await ResetAsync(bed, Staging.Environment, eraseDefinitions: true);

        Assert.Equal(0, (await CountsAsync(bed, Staging, staging)).Surveys);
        Assert.Equal(1, (await CountsAsync(bed, Production, production)).Surveys);
    }

    [Fact]
    public async Task The_photos_of_erased_reports_and_the_images_of_erased_answers_leave_the_media_store_and_production_keeps_its_own()
    {
        var bed = await fixture.GetAsync();
        var staging = await SeedMediaAsync(bed, Staging);
        var production = await SeedMediaAsync(bed, Production);

        var result = await ResetAsync(bed, Staging.Environment);

        Assert.Equal(new DeletedMediaFiles(Deleted: 2, Left: 0), result.MediaFiles);
        Assert.Empty(await StoredAsync(bed, staging));
        Assert.Equal(production, await StoredAsync(bed, production));
        var reset = (await AuditEntriesAsync(bed))[^1];
        Assert.Contains("写真・画像ファイル 2 件", reset.Summary);
    }

    [Fact]
    public async Task A_public_comments_documents_leave_the_media_store_only_with_the_definitions()
    {
        var bed = await fixture.GetAsync();
        var document = await bed.InTenantAsync(Staging, async (db, services) =>
        {
            var now = DateTimeOffset.UtcNow;
            var @case = PublicCommentCase.Create(PublicCommentSettings.New(now) with { Title = "研修の計画案", Department = "総務課" }, now);
            var key = new MediaKey(Staging.Tenant, Staging.Environment, MediaFileName.Document(MediaFileName.NewId()));
            await services.GetRequiredService<IMediaStore>().SaveAsync(key, new byte[] { 0x25, 0x50, 0x44, 0x46 }, CancellationToken.None);
            db.Add(@case);
            db.Add(PublicCommentDocument.Attach(@case.Id, "計画案", key.FileName, 4, now));
            await db.SaveChangesAsync();
            return key;
        });

        var keeping = await ResetAsync(bed, Staging.Environment);
        Assert.Equal(new DeletedMediaFiles(Deleted: 0, Left: 0), keeping.MediaFiles);
        Assert.Equal([document], await StoredAsync(bed, [document]));

        var erasing = await ResetAsync(bed, Staging.Environment, eraseDefinitions: true);
        Assert.Equal(new DeletedMediaFiles(Deleted: 1, Left: 0), erasing.MediaFiles);
        Assert.Empty(await StoredAsync(bed, [document]));
    }

    private static async Task<StagingResetResult> ResetAsync(
        LineTestBed bed, string environmentName, TestStaff? staff = null, bool eraseDefinitions = false)
    {
        await using var scope = bed.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestStaff>().SignIn(staff ?? TestStaff.Operator());
        return await scope.ServiceProvider.GetRequiredService<IStagingDataReset>()
            .ResetAsync("hirakawa", environmentName, new StagingResetOptions(eraseDefinitions), "12 月の職員研修", CancellationToken.None);
    }

    /// <summary>One of each kind of data a trainee makes, and the environment's broadcast settings; marked to be found again.</summary>
    private static Task<Seeded> SeedAsync(LineTestBed bed, TestChannel channel) => bed.InTenantAsync(channel, async (db, _) =>
    {
        var now = DateTimeOffset.UtcNow;
        var marker = Guid.NewGuid().ToString("N");
        var resident = Resident.Follow("U" + marker, now);
        db.Add(resident);
        db.Add(new ResidentAttributeValue(resident.Id, "area", "hiraka"));
        db.Add(BroadcastDelivery.Draft("staff-1", new BroadcastDraft(marker, [new BroadcastText("研修の配信")], null, null, new SendNow()), now));
        db.Add(ReportCase.File(ReportSubmission.FromLine(resident.LineUserId, "pothole", "photo-1", 40.58, 140.57, null, null, "穴"), ReceiptNumberOf(marker), "road", null, null, now));
        var survey = Survey.Create(new SurveySettings(marker, null, now, now.AddDays(7), false, false, false), now);
        db.Add(survey);
        db.Add(SurveyResponse.Submit(survey, marker, resident.LineUserId, "{}", "{}", now));
        if (!await db.Set<BroadcastSettings>().AnyAsync())
        {
            db.Add(new BroadcastSettings { ApprovalRequired = true, UpdatedAt = now });
        }

        await db.SaveChangesAsync();
        return new Seeded(marker, resident.Id, survey.Id);
    });

    /// <summary>A report with its photo and an answer with its image, stored as the chat and the survey page store them.</summary>
    /// <returns>The files stored.</returns>
    private static Task<List<MediaKey>> SeedMediaAsync(LineTestBed bed, TestChannel channel) => bed.InTenantAsync(channel, async (db, services) =>
    {
        var now = DateTimeOffset.UtcNow;
        var marker = Guid.NewGuid().ToString("N");
        var store = services.GetRequiredService<IMediaStore>();
        var photoId = MediaFileName.NewId();
        List<MediaKey> stored = [new(channel.Tenant, channel.Environment, MediaFileName.Original(photoId)), new(channel.Tenant, channel.Environment, MediaFileName.Preview(photoId))];
        foreach (var key in stored)
        {
            await store.SaveAsync(key, SurveyImageTests.Jpeg(), CancellationToken.None);
        }

        db.Add(ReportCase.File(ReportSubmission.FromLine("U" + marker, "pothole", photoId, 40.58, 140.57, null, null, "穴"), ReceiptNumberOf(marker), "road", null, null, now));
        var survey = Survey.Create(new SurveySettings(marker, null, now, now.AddDays(7), false, false, false), now);
        db.Add(survey);
        db.Add(SurveyFormVersion.Save(survey.Id, 1, SurveyFormJson.Serialize(new SurveyForm([new SurveyItem("photo", SurveyItemKind.Image, "写真")])), now));
        survey.UseForm(1, now);
        using var upload = new MemoryStream(SurveyImageTests.Jpeg());
        var imageId = await services.GetRequiredService<SurveyImages>().KeepAsync(upload, CancellationToken.None);
        stored.Add(new(channel.Tenant, channel.Environment, MediaFileName.PrivateOriginal(imageId)));
        stored.Add(new(channel.Tenant, channel.Environment, MediaFileName.PrivatePreview(imageId)));
        var answers = SurveyAnswersJson.Serialize(new Dictionary<string, IReadOnlyList<string>> { ["photo"] = [imageId] });
        db.Add(SurveyResponse.Submit(survey, marker, "U" + marker, answers, "{}", now));
        await db.SaveChangesAsync();
        return stored;
    });

    /// <returns>Those of <paramref name="keys"/> the media store still has.</returns>
    private static async Task<List<MediaKey>> StoredAsync(LineTestBed bed, IEnumerable<MediaKey> keys)
    {
        var store = bed.App.Services.GetRequiredService<IMediaStore>();
        var stored = new List<MediaKey>();
        foreach (var key in keys)
        {
            await using var file = await store.OpenReadAsync(key, CancellationToken.None);
            if (file is not null)
            {
                stored.Add(key);
            }
        }

        return stored;
    }

    private static Task<SeededCounts> CountsAsync(LineTestBed bed, TestChannel channel, Seeded seeded) => bed.InTenantAsync(channel, async (db, _) =>
        new SeededCounts(
            await db.Set<Resident>().CountAsync(r => r.Id == seeded.ResidentId),
            await db.Set<ResidentAttributeValue>().CountAsync(v => v.ResidentId == seeded.ResidentId),
            await db.Set<BroadcastDelivery>().CountAsync(d => d.Title == seeded.Marker),
            await db.Set<ReportCase>().CountAsync(c => c.ReceiptNumber == ReceiptNumberOf(seeded.Marker)),
            await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == seeded.SurveyId),
            await db.Set<Survey>().CountAsync(s => s.Id == seeded.SurveyId),
            await db.Set<BroadcastSettings>().CountAsync()));

    private static async Task<List<SmartBranch.Kernel.Audit.AuditEntry>> AuditEntriesAsync(LineTestBed bed)
    {
        await using var scope = bed.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.TenantSlug == "hirakawa").OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>Receipt numbers are short (20 characters at most).</summary>
    private static string ReceiptNumberOf(string marker) => "R-" + marker[..16];

    private sealed record Seeded(string Marker, Guid ResidentId, Guid SurveyId);

    private sealed record SeededCounts(int Residents, int Preferences, int Deliveries, int Reports, int Answers, int Surveys, int Settings);
}

public sealed class SqliteStagingResetBed : TestBedFixture
{
    protected override Task<LineTestBed> StartAsync() => LineTestBed.StartAsync(TestDatabaseKind.Sqlite, configureServices: SignInAsTestStaff.Add);
}

public sealed class PostgresStagingResetBed : TestBedFixture
{
    protected override void RequireServices() => TestServices.RequirePostgres();

    protected override Task<LineTestBed> StartAsync() => LineTestBed.StartAsync(TestDatabaseKind.Postgres, configureServices: SignInAsTestStaff.Add);
}

internal static class SignInAsTestStaff
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<TestStaff>();
        services.AddScoped<ICurrentStaff>(sp => sp.GetRequiredService<TestStaff>());
    }
}

public sealed class SqliteStagingDataResetTests(SqliteStagingResetBed fixture) : StagingDataResetTests(fixture), IClassFixture<SqliteStagingResetBed>;

public sealed class PostgresStagingDataResetTests(PostgresStagingResetBed fixture) : StagingDataResetTests(fixture), IClassFixture<PostgresStagingResetBed>;
