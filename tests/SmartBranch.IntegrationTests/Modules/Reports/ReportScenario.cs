using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using SmartBranch.Identity.Email;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Reports;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.TestSupport;

namespace SmartBranch.IntegrationTests.Modules.Reports;

/// <summary>Residents reporting in LINE through the emulator, and staff handling the cases, around one test bed.</summary>
internal sealed class ReportScenario(LineTestBed bed)
{
    public static readonly TestChannel Channel = LineTestBed.HirakawaStaging;

    /// <summary>平川市役所, inside the city.</summary>
    public const double CityHallLatitude = 40.5841;
    public const double CityHallLongitude = 140.5668;

    public static readonly TestStaff RoadStaff = Staff("doboku-1", ["土木課"], ReportsPermissions.View, ReportsPermissions.Handle);
    public static readonly TestStaff RoadViewer = Staff("doboku-viewer", ["土木課"], ReportsPermissions.View);
    public static readonly TestStaff EnvironmentStaff = Staff("kankyo-1", ["生活環境課"], ReportsPermissions.View, ReportsPermissions.Handle);
    public static readonly TestStaff Admin = Staff("admin-1", [], ReportsPermissions.View, ReportsPermissions.Handle, ReportsPermissions.AllDepartments);

    public async Task<string> FriendAsync()
    {
        var userId = await bed.CreateLineUserAsync();
        await bed.SimulateAsync(Channel, userId, new JsonObject { ["type"] = "follow" });

        // The welcome must be in before the chat starts: each step below waits for one more message than it saw.
        await MessageAfterAsync(userId, 0);
        await bed.WaitUntilIdleAsync();
        return userId;
    }

    public Task<JsonObject> SendTextAsync(string userId, string text) => ActAsync(userId, new JsonObject { ["type"] = "text", ["text"] = text });

    public Task<JsonObject> TapAsync(string userId, string data) => ActAsync(userId, new JsonObject { ["type"] = "postback", ["data"] = data });

    public Task<JsonObject> SendPhotoAsync(string userId, byte[]? image = null, string contentType = "image/jpeg") => ActAsync(userId, new JsonObject
    {
        ["type"] = "image",
        ["contentType"] = contentType,
        ["data"] = Convert.ToBase64String(image ?? Photo()),
    });

    public Task<JsonObject> SendLocationAsync(string userId, double latitude, double longitude, string? address = null)
    {
        var location = new JsonObject { ["type"] = "location", ["latitude"] = latitude, ["longitude"] = longitude };
        if (address is not null)
        {
            location["title"] = "位置情報";
            location["address"] = address;
        }

        return ActAsync(userId, location);
    }

    /// <summary>The whole chat, from 通報 to the receipt; returns the receipt message's text.</summary>
    public async Task<string> ReportAsync(string userId, string category, double latitude, double longitude, string? comment = null)
    {
        await SendTextAsync(userId, "通報");
        await TapAsync(userId, $"reports:category:{category}");
        await SendPhotoAsync(userId);
        await SendLocationAsync(userId, latitude, longitude);
        await SendTextAsync(userId, comment ?? "スキップ");
        return Text(await TapAsync(userId, "reports:submit"));
    }

    public async Task<T> AsAsync<T>(TestStaff staff, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = bed.App.Services.GetRequiredService<ITenantScopeFactory>().CreateScope(Channel.Tenant, Channel.Environment);
        scope.ServiceProvider.GetRequiredService<TestStaff>().SignIn(staff);
        return await work(scope.ServiceProvider);
    }

    public Task AsAsync(TestStaff staff, Func<IServiceProvider, Task> work) => AsAsync(staff, async s =>
    {
        await work(s);
        return true;
    });

    public Task<ReportCase> CaseAsync(string receiptNumber) =>
        bed.InTenantAsync(Channel, (db, _) => db.Set<ReportCase>().AsNoTracking().SingleAsync(c => c.ReceiptNumber == receiptNumber));

    public Task<ReportConversation?> ConversationAsync(string userId) =>
        bed.InTenantAsync(Channel, (db, _) => db.Set<ReportConversation>().AsNoTracking().SingleOrDefaultAsync(c => c.LineUserId == userId));

    /// <summary>Whether our copy of the report's photo is in the media store.</summary>
    public Task<bool> PhotoStoredAsync(string photoId) => bed.InTenantAsync(Channel, async (_, services) =>
    {
        await using var photo = await services.GetRequiredService<IMediaStore>().OpenReadAsync(
            new MediaKey(Channel.Tenant, Channel.Environment, MediaFileName.Original(photoId)), CancellationToken.None);
        return photo is not null;
    });

    /// <summary>Waits until the user's inbox holds more than <paramref name="count"/> messages; returns the newest.</summary>
    public async Task<JsonObject> MessageAfterAsync(string userId, int count)
    {
        var inbox = await Eventually.GetAsync(() => bed.InboxAsync(userId), messages => messages.Count > count, "the account's answer");
        return inbox[^1]["message"]!.AsObject();
    }

    /// <summary>The message's JSON with Japanese left readable (the default escapes every non-ASCII character).</summary>
    public static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static string Text(JsonObject message) => message["text"]?.GetValue<string>() ?? message["altText"]!.GetValue<string>();

    public static IReadOnlyList<string> QuickReplyLabels(JsonObject message) =>
        message["quickReply"]!["items"]!.AsArray().Select(i => i!["action"]!["label"]!.GetValue<string>()).ToList();

    public static IReadOnlyList<string> QuickReplyTypes(JsonObject message) =>
        message["quickReply"]!["items"]!.AsArray().Select(i => i!["action"]!["type"]!.GetValue<string>()).ToList();

    /// <summary>A small photograph, as a phone camera would send it (JPEG).</summary>
    public static byte[] Photo()
    {
        using var bitmap = new SKBitmap(320, 240);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SaddleBrown);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90)!;
        return data.ToArray();
    }

    /// <summary>The user acts; waits for the server's answer (every event of this flow is answered) and returns it.</summary>
    private async Task<JsonObject> ActAsync(string userId, JsonObject lineEvent)
    {
        var before = (await bed.InboxAsync(userId)).Count;
        await bed.SimulateAsync(Channel, userId, lineEvent);
        var answer = await MessageAfterAsync(userId, before);
        await bed.WaitUntilIdleAsync();
        return answer;
    }

    private static TestStaff Staff(string userId, IReadOnlyList<string> departments, params string[] permissions) => new()
    {
        UserId = userId,
        DisplayName = $"職員 {userId}",
        Roles = [StaffRoles.Staff],
        Departments = departments,
        Permissions = [.. permissions],
    };
}

/// <summary>Hirakawa's staging with the emulator as LINE, a staff member the test signs in, and e-mail kept instead of sent.</summary>
public abstract class ReportsBed(TestDatabaseKind kind) : TestBedFixture
{
    public CapturedEmails Emails { get; } = new();

    protected override Task<LineTestBed> StartAsync() => LineTestBed.StartAsync(kind, configureServices: services =>
    {
        services.AddScoped<TestStaff>();
        services.AddScoped<ICurrentStaff>(sp => sp.GetRequiredService<TestStaff>());
        services.AddSingleton<IStaffEmailSender>(Emails);
    });
}

public sealed class SqliteReportsBed() : ReportsBed(TestDatabaseKind.Sqlite);

public sealed class PostgresReportsBed() : ReportsBed(TestDatabaseKind.Postgres)
{
    protected override void RequireServices() => TestServices.RequirePostgres();
}
