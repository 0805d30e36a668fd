using Microsoft.Playwright;
using SmartBranch.EndToEndTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SmartBranch.EndToEndTests.Broadcast;

/// <summary>
/// Issue #6 in a browser: residents choose what they hear about in LINE, a member of staff sends to
/// 防災 ∩ 平賀 from the portal, a second person approves, and exactly the matching residents receive it once.
/// </summary>
public sealed class SegmentDeliveryTests(StaffTestBed bed) : IClassFixture<StaffTestBed>
{
    [Fact]
    public async Task Residents_choose_topics_and_district_and_a_delivery_to_disaster_and_hiraka_reaches_exactly_them_once()
    {
        await bed.StartAsync();
        var matching = new[]
        {
            await ResidentChoosesAsync("平賀 防災", ["防災・災害"], "平賀地区"),
            await ResidentChoosesAsync("平賀 防災と子育て", ["防災・災害", "子育て・教育"], "平賀地区"),
        };
        var others = new[]
        {
            await ResidentChoosesAsync("尾上 防災", ["防災・災害"], "尾上地区"),
            await ResidentChoosesAsync("平賀 子育て", ["子育て・教育"], "平賀地区"),
        };
        var marker = $"避難所を開設しました {Guid.NewGuid():N}";

        var author = await bed.SignInToStagingAsync(await TestAccounts.CreateMemberAsync(bed.Services, "hirakawa", [StaffRoles.Staff], displayName: "配信 担当"));
        var detailPath = await ComposeAndSubmitAsync(author, marker);
        var approver = await bed.SignInToStagingAsync(await TestAccounts.CreateMemberAsync(bed.Services, "hirakawa", [StaffRoles.Admin], withAuthenticator: true, displayName: "承認 担当"));
        await StaffTestBed.OpenInteractiveAsync(approver, detailPath, ".delivery-actions button");
        await approver.GetByRole(AriaRole.Button, new() { Name = "承認", Exact = true }).ClickAsync();
        await approver.Locator(".confirm-button").ClickAsync();

        foreach (var userId in matching)
        {
            await Eventually(async () => (await bed.ReceivedTextsAsync(userId)).Count(t => t == marker) == 1, "a matching resident to receive the delivery");
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // A second copy, or one to someone else, would have arrived by now.
        foreach (var userId in matching)
        {
            Assert.Equal(1, (await bed.ReceivedTextsAsync(userId)).Count(t => t == marker));
        }

        foreach (var userId in others)
        {
            Assert.DoesNotContain(marker, await bed.ReceivedTextsAsync(userId));
        }
    }

    /// <summary>A new resident, on a phone of their own, follows the account, opens 受信設定 from the welcome message and saves their choices.</summary>
    private async Task<string> ResidentChoosesAsync(string displayName, string[] topics, string district)
    {
        var simulator = await bed.OpenSimulatorAsync();
        var phone = simulator.Locator(".phone").First;
        var userId = await SimulatedPhone.CreateResidentAsync(phone, displayName);
        await SimulatedPhone.FollowAsync(phone);

        var talk = phone.GetByRole(AriaRole.Log, new() { Name = "トーク" });
        await talk.GetByRole(AriaRole.Link, new() { Name = $"https://liff.line.me/{bed.Server.StagingLiffId}/preferences" }).ClickAsync();
        var preferences = phone.FrameLocator("iframe");
        await Expect(preferences.GetByRole(AriaRole.Heading, new() { Name = "受信設定" })).ToBeVisibleAsync();
        foreach (var topic in topics)
        {
            await preferences.GetByLabel(topic).CheckAsync();
        }

        await preferences.GetByLabel("お住まいの地区").SelectOptionAsync(new SelectOptionValue { Label = district });
        await preferences.GetByLabel("上の内容に同意して、選んだ内容を登録します").CheckAsync();
        await preferences.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(preferences.GetByRole(AriaRole.Status)).ToContainTextAsync("受信設定を保存しました");
        await simulator.CloseAsync();
        return userId;
    }

    /// <returns>The path of the submitted delivery's page.</returns>
    private static async Task<string> ComposeAndSubmitAsync(IPage author, string text)
    {
        await StaffTestBed.OpenInteractiveAsync(author, "/portal/hirakawa/broadcasts/new", "form.compose-form");
        await author.GetByLabel("配信名").FillAsync("避難所開設（平賀地区・防災）");
        await author.GetByLabel("本文").FillAsync(text);
        await author.Locator("#segment-conditions").CheckAsync();
        await author.Locator("#segment-g1-c1-attribute").SelectOptionAsync("topic");
        await author.Locator("#segment-g1-c1-value-disaster").CheckAsync();
        await author.Locator("#segment-g1-add-condition").ClickAsync();
        await author.Locator("#segment-g1-c2-attribute").SelectOptionAsync("area");
        await author.Locator("#segment-g1-c2-value-hiraka").CheckAsync();
        await Expect(author.GetByText("現在の対象：2 人")).ToBeVisibleAsync();
        await Expect(author.Locator(".line-phone")).ToContainTextAsync(text);

        await author.GetByRole(AriaRole.Button, new() { Name = "承認を依頼" }).ClickAsync();
        await author.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/portal/hirakawa/broadcasts/[0-9a-f-]{36}$"));
        return new Uri(author.Url).AbsolutePath;
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(200);
        }
    }
}
