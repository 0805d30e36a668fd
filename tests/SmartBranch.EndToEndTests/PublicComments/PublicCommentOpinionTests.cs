using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartBranch.EndToEndTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Messages;
using SmartBranch.Modules.Surveys.PublicComments.Domain;
using SmartBranch.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SmartBranch.EndToEndTests.PublicComments;

/// <summary>
/// Public comments in a browser: staff start taking opinions on a case in the portal, a resident opens the case from a
/// message in LINE and sends an opinion, and staff find it among the case's opinions.
/// </summary>
public sealed class PublicCommentOpinionTests(StaffTestBed bed) : IClassFixture<StaffTestBed>
{
    private const string Title = "除雪計画の見直し（案）";
    private const string Opinion = "通学路の歩道を朝 7 時までに除雪してほしいです";

    static PublicCommentOpinionTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Staff_open_a_case_a_resident_sends_an_opinion_in_LINE_and_staff_see_it()
    {
        await bed.StartAsync();
        var caseId = await DraftCaseAsync();
        var staff = await bed.SignInToStagingAsync(await TestAccounts.CreateMemberAsync(bed.Services, "hirakawa", [StaffRoles.Staff], displayName: "都市計画 担当"));
        await StaffTestBed.OpenInteractiveAsync(staff, $"/portal/hirakawa/public-comments/{caseId}", "#public-comment-open");
        await staff.Locator("#public-comment-open").ClickAsync();
        await Expect(staff.Locator("#public-comment-state")).ToContainTextAsync("募集中");

        var simulator = await bed.OpenSimulatorAsync();
        var phone = simulator.Locator(".phone").First;
        var talk = phone.GetByRole(AriaRole.Log, new() { Name = "トーク" });
        var resident = await SimulatedPhone.CreateResidentAsync(phone, "平川 意見");
        await SimulatedPhone.FollowAsync(phone);
        var link = $"https://liff.line.me/{bed.Server.StagingLiffId}/comments/{caseId}";
        await AnnounceAsync(resident, $"「{Title}」へのご意見を募集しています。\n{link}");

        await talk.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
        var page = phone.FrameLocator("iframe");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Title })).ToBeVisibleAsync();
        await page.GetByLabel("氏名").FillAsync("平川 花子");
        await page.GetByRole(AriaRole.Radio, new() { Name = "市内に住んでいる" }).CheckAsync();
        await page.GetByLabel("ご意見").FillAsync(Opinion);
        await page.GetByRole(AriaRole.Button, new() { Name = "入力内容を確認する" }).ClickAsync();
        await Expect(page.Locator("dl")).ToContainTextAsync(Opinion);
        await page.GetByRole(AriaRole.Button, new() { Name = "送信する" }).ClickAsync();
        await Expect(page.Locator("#survey-message")).ToContainTextAsync("ご意見ありがとうございました");

        await staff.GotoAsync($"/portal/hirakawa/public-comments/{caseId}/opinions");
        var opinions = staff.Locator("#public-comment-opinions");
        await Expect(opinions).ToContainTextAsync(Opinion);
        await Expect(opinions).ToContainTextAsync("平川 花子");
        await Expect(opinions).ToContainTextAsync("市内に住んでいる");
    }

    /// <summary>A draft case in Hirakawa's staging asking a name and 区分, as staff leave it before starting it.</summary>
    private async Task<Guid> DraftCaseAsync()
    {
        var now = DateTimeOffset.UtcNow;
        await using var scope = bed.Services.GetRequiredService<ITenantScopeFactory>().CreateScope("hirakawa", "staging");
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var @case = PublicCommentCase.Create(
            new PublicCommentSettings(Title, "道路維持課", "冬の除雪の順番を見直す案です。", now.AddMinutes(-1), now.AddDays(30),
                [PublicCommentIdentityField.Name, PublicCommentIdentityField.Category]),
            now);
        db.Add(@case);
        await db.SaveChangesAsync();
        return @case.Id;
    }

    /// <summary>The city tells the resident about the case, as a delivery would: a push through the outbox.</summary>
    private async Task AnnounceAsync(string userId, string text)
    {
        await using var scope = bed.Services.GetRequiredService<ITenantScopeFactory>().CreateScope("hirakawa", "staging");
        scope.ServiceProvider.GetRequiredService<ILineMessenger>().Push(userId, [new TextMessage(text)]);
        await scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>().SaveChangesAsync();
    }
}
