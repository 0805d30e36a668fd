using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartBranch.EndToEndTests.Infrastructure;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Modules.Surveys.Domain;
using SmartBranch.Modules.Surveys.Forms;
using SmartBranch.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SmartBranch.EndToEndTests.Surveys;

/// <summary>
/// Issue #7 in a browser: staff invite residents to an open survey with a delivery, a second person approves it, and a
/// resident opens the survey from the message in LINE, answers, confirms, and is thanked in the chat without the answers.
/// </summary>
public sealed class SurveyInvitationToAnswerTests(StaffTestBed bed) : IClassFixture<StaffTestBed>
{
    private const string Title = "公園の使い方アンケート";
    private const string Opinion = "遊具をもっと増やしてほしいです";

    static SurveyInvitationToAnswerTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task Staff_invite_residents_and_a_resident_answers_in_LINE_and_is_thanked_without_the_answers()
    {
        await bed.StartAsync();
        var surveyId = await PublishSurveyAsync();
        var simulator = await bed.OpenSimulatorAsync();
        var phone = simulator.Locator(".phone").First;
        var talk = phone.GetByRole(AriaRole.Log, new() { Name = "トーク" });
        await SimulatedPhone.CreateResidentAsync(phone, "大坊 回答");
        await SimulatedPhone.FollowAsync(phone);

        var author = await bed.SignInToStagingAsync(await TestAccounts.CreateMemberAsync(bed.Services, "hirakawa", [StaffRoles.Staff], displayName: "企画 担当"));
        var deliveryPath = await InviteAsync(author, surveyId);
        await StaffTestBed.OpenInteractiveAsync(author, $"{deliveryPath}/edit", "form.compose-form");
        await author.GetByRole(AriaRole.Button, new() { Name = "承認を依頼" }).ClickAsync();
        await author.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"{deliveryPath}$"));
        var approver = await bed.SignInToStagingAsync(await TestAccounts.CreateMemberAsync(bed.Services, "hirakawa", [StaffRoles.Admin], withAuthenticator: true, displayName: "承認 担当"));
        await StaffTestBed.OpenInteractiveAsync(approver, deliveryPath, ".delivery-actions button");
        await approver.GetByRole(AriaRole.Button, new() { Name = "承認", Exact = true }).ClickAsync();
        await approver.Locator(".confirm-button").ClickAsync();

        await talk.GetByRole(AriaRole.Link, new() { Name = $"https://liff.line.me/{bed.Server.StagingLiffId}/surveys/{surveyId}" }).ClickAsync();
        var survey = phone.FrameLocator("iframe");
        await Expect(survey.GetByRole(AriaRole.Heading, new() { Name = Title })).ToBeVisibleAsync();
        await survey.GetByRole(AriaRole.Radio, new() { Name = "はい" }).CheckAsync();
        await survey.GetByRole(AriaRole.Checkbox, new() { Name = "A公園" }).CheckAsync();
        await survey.GetByLabel("ご意見").FillAsync(Opinion);
        await survey.GetByRole(AriaRole.Button, new() { Name = "入力内容を確認する" }).ClickAsync();
        await Expect(survey.GetByRole(AriaRole.Heading, new() { Name = "入力内容の確認" })).ToBeVisibleAsync();
        await Expect(survey.Locator("dl")).ToContainTextAsync(Opinion);
        await survey.GetByRole(AriaRole.Button, new() { Name = "送信する" }).ClickAsync();
        await Expect(survey.GetByRole(AriaRole.Heading, new() { Name = "送信しました" })).ToBeVisibleAsync();

        await Expect(talk.Locator(".item").Last).ToContainTextAsync($"アンケート「{Title}」にご回答いただき、ありがとうございました。");
        await Expect(talk).Not.ToContainTextAsync(Opinion);
        Assert.Empty(await simulator.Locator(".delivery.failed").AllAsync());
    }

    /// <summary>An open survey in Hirakawa's staging, as the builder leaves it: a choice, a question shown for one answer, free text.</summary>
    private async Task<Guid> PublishSurveyAsync()
    {
        var form = new SurveyForm(
        [
            new SurveyItem("uses", SurveyItemKind.SingleChoice, "公園を使いますか", Required: true, Choices: [new("yes", "はい"), new("no", "いいえ")]),
            new SurveyItem("which", SurveyItemKind.MultipleChoice, "どの公園を使いますか", Choices: [new("a", "A公園"), new("b", "B公園")],
                ShowWhen: new SurveyCondition("uses", ["yes"])),
            new SurveyItem("opinion", SurveyItemKind.LongText, "ご意見", MaxLength: 500),
        ]);
        var now = DateTimeOffset.UtcNow;
        await using var scope = bed.Services.GetRequiredService<ITenantScopeFactory>().CreateScope("hirakawa", "staging");
        var db = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>();
        var survey = Survey.Create(new SurveySettings(Title, "市内の公園の使い方をお聞きします。", now.AddMinutes(-1), now.AddDays(14), false, true, false), now);
        db.Add(survey);
        db.Add(SurveyFormVersion.Save(survey.Id, 1, SurveyFormJson.Serialize(form), now));
        survey.UseForm(1, now);
        survey.Open(now);
        await db.SaveChangesAsync();
        return survey.Id;
    }

    /// <returns>The path of the invitation's draft delivery, once the Broadcast module has made it.</returns>
    private static async Task<string> InviteAsync(IPage author, Guid surveyId)
    {
        var invitations = $"/portal/hirakawa/surveys/{surveyId}/invitations";
        await StaffTestBed.OpenInteractiveAsync(author, invitations, "#invite");
        await author.Locator("#invite").ClickAsync();
        await Expect(author.Locator("#invitations-done")).ToContainTextAsync("招待の配信（下書き）を作りました");

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        var link = author.GetByRole(AriaRole.Link, new() { Name = "配信を開く" });
        while (await link.CountAsync() == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The invitation's draft delivery did not appear.");
            await author.WaitForTimeoutAsync(300);
            await author.GotoAsync(invitations);
        }

        await Expect(author.Locator("#invitations .delivery-state")).ToHaveTextAsync("下書き");
        return (await link.GetAttributeAsync("href"))!;
    }
}
