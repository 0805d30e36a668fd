using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartBranch.Kernel.Media;
using SmartBranch.Line.Messages;
using SmartBranch.Modules.Broadcast;
using SmartBranch.Modules.Broadcast.Domain;
using SmartBranch.Modules.Broadcast.Features.ComposeDelivery;
using SmartBranch.Modules.Residents.Contracts;
using SmartBranch.Portal.Modules.Broadcast.Compose;
using SmartBranch.Portal.Tests.TestDoubles;

namespace SmartBranch.Portal.Tests.Components;

public sealed class BroadcastComposeTests : PortalComponentTest
{
    private readonly FakeBroadcastComposer _composer = new();
    private readonly FakeImageUploads _uploads = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public BroadcastComposeTests()
    {
        Staff.Permissions.Add(BroadcastPermissions.Compose);
        Services.AddSingleton<IBroadcastComposer>(_composer);
        Services.AddSingleton<ISegmentCatalog>(new FixedSegmentCatalog());
        Services.AddSingleton<IImageUploads>(_uploads);
        Services.AddSingleton<TimeProvider>(_clock);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void The_preview_shows_the_text_emoji_and_notice_card_as_they_are_typed()
    {
        var form = RenderForm();

        form.Find("#message-1-text").Input("ごみの収集日が変わります");
        form.Find("#message-1-emoji-toggle").Click();
        form.Find("[data-emoji='5ac1bfd5040ab15980c9b435/001']").Click();
        form.Find("#add-notice").Click();
        form.Find("#message-2-title").Input("年末年始の収集");
        form.Find("#message-2-body").Input("12月31日から1月3日までは収集しません。");
        form.Find("#message-2-link-label").Input("詳しく見る");

        var bubbles = form.FindAll(".line-phone .line-row");
        Assert.Equal(2, bubbles.Count);
        Assert.Equal("ごみの収集日が変わります", bubbles[0].QuerySelector(".line-text")!.TextContent);
        Assert.EndsWith("/5ac1bfd5040ab15980c9b435/iPhone/001.png", bubbles[0].QuerySelector("img.line-emoji")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal("ごみの収集日が変わります$", form.Find("#message-1-text").GetAttribute("value"));
        Assert.Equal(["年末年始の収集", "12月31日から1月3日までは収集しません。"], bubbles[1].QuerySelectorAll(".flex-text").Select(t => t.TextContent));
        Assert.Contains("22 / 2,000", form.Find("#message-2-body-count").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_recipient_count_follows_the_conditions_once_the_clicks_pause()
    {
        _composer.Estimate = segment => segment switch
        {
            null => new BroadcastRecipientEstimate(1200, null),
            AttributeIn { Values.Count: 1 } => new BroadcastRecipientEstimate(300, null),
            _ => new BroadcastRecipientEstimate(450, "LINE の今月の送信上限が足りません。"),
        };
        var form = RenderForm();
        Assert.Contains("1,200 人", form.Find("#segment-count").TextContent, StringComparison.Ordinal);

        form.Find("#segment-conditions").Change(true);
        form.Find("#segment-g1-c1-attribute").Change("area");
        form.Find("#segment-g1-c1-value-hiraka").Change(true);
        _clock.Advance(SegmentBuilder.CountDelay);

        form.WaitForAssertion(() => Assert.Contains("300 人", form.Find("#segment-count").TextContent, StringComparison.Ordinal));
        var counted = Assert.IsType<AttributeIn>(_composer.Counted[^1]);
        Assert.Equal("area", counted.Attribute);
        Assert.Equal(["hiraka"], counted.Values);
        Assert.Equal(2, _composer.Counted.Count); // The opening count and one after the pause, none per click.

        form.Find("#segment-g1-c1-value-onoe").Change(true);
        _clock.Advance(SegmentBuilder.CountDelay);

        form.WaitForAssertion(() => Assert.Contains("450 人", form.Find("#segment-count").TextContent, StringComparison.Ordinal));
        Assert.Equal("LINE の今月の送信上限が足りません。", form.Find("#segment-quota").TextContent);
    }

    [Fact]
    public void Groups_of_conditions_combine_into_the_segment_that_is_saved()
    {
        var form = RenderForm();
        form.Find("#message-1-text").Input("防災訓練のお知らせ");
        form.Find("#compose-title").Input("防災訓練");

        form.Find("#segment-conditions").Change(true);
        form.Find("#segment-g1-c1-attribute").Change("topic");
        form.Find("#segment-g1-c1-value-disaster").Change(true);
        form.Find("#segment-g1-add-condition").Click();
        form.Find("#segment-g1-c2-attribute").Change("area");
        form.Find("#segment-g1-c2-value-onoe").Change(true);
        form.Find("#segment-add-group").Click();
        form.Find("#segment-g2-c1-attribute").Change("area");
        form.Find("#segment-g2-c1-value-ikarigaseki").Change(true);
        form.Find("#compose-save").Click();

        var saved = Assert.Single(_composer.Drafts.Values);
        var groups = Assert.IsType<AnyOf>(saved.Segment);
        var first = Assert.IsType<AllOf>(groups.Parts[0]);
        Assert.Equal(["topic:disaster", "area:onoe"], first.Parts.Cast<AttributeIn>().Select(c => $"{c.Attribute}:{string.Join(',', c.Values)}"));
        Assert.Equal(("area", "ikarigaseki"), (((AttributeIn)groups.Parts[1]).Attribute, ((AttributeIn)groups.Parts[1]).Values.Single()));
    }

    [Fact]
    public void A_message_the_domain_refuses_shows_the_japanese_problem_beside_it_and_keeps_what_was_typed()
    {
        var form = RenderForm();
        form.Find("#compose-title").Input("図書館の休館");
        form.Find("#message-1-text").Input("図書館は休館します。");
        form.Find("#add-notice").Click();
        form.Find("#message-2-title").Input("休館日のお知らせ");
        form.Find("#message-2-body").Input("蔵書点検のため休館します。");
        form.Find("#message-2-link-label").Input("詳しく");
        form.Find("#message-2-link-url").Input("http://www.city.hirakawa.example.jp/");

        form.Find("#compose-save").Click();

        Assert.Empty(_composer.Drafts);
        Assert.Equal("2 件目: リンク先は https の URL（1,000 文字まで）で指定してください。", form.Find("#message-2-error").TextContent.Trim());
        Assert.Contains("message-2-error", form.Find("#message-2-link-url").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("alert", form.Find("#compose-problems").GetAttribute("role"));
        Assert.Equal("http://www.city.hirakawa.example.jp/", form.Find("#message-2-link-url").GetAttribute("value"));
        Assert.Equal("休館日のお知らせ", form.Find("#message-2-title").GetAttribute("value"));
        Assert.Equal("図書館は休館します。", form.Find("#message-1-text").GetAttribute("value"));
        Assert.Empty(form.FindAll("#message-1-error"));
        Assert.DoesNotContain("/broadcasts/", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_image_shows_the_libraries_message_and_an_accepted_one_appears_in_the_preview()
    {
        var form = RenderForm();
        form.Find("#add-image").Click();
        _uploads.Rejection = "JPEG または PNG の画像を選んでください。";

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("not an image", "memo.txt"));

        Assert.Equal("JPEG または PNG の画像を選んでください。", form.Find("#message-2-image-error").TextContent);
        Assert.Contains("message-2-image-error", form.Find("#message-2-image").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Empty(form.FindAll(".line-phone .line-image"));

        _uploads.Rejection = null;
        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([0xFF, 0xD8, 0xFF], "photo.jpg", contentType: "image/jpeg"));

        form.WaitForAssertion(() => Assert.Equal("https://media.example.jp/images/1-preview.jpg", form.Find(".line-phone .line-image").GetAttribute("src")));
        Assert.Empty(form.FindAll("#message-2-image-error"));
    }

    [Fact]
    public void Copy_as_new_starts_from_the_earlier_deliverys_content_and_saves_a_new_draft()
    {
        var source = Guid.NewGuid();
        _composer.Copies[source] = new BroadcastCopy(
            "ごみ収集（毎週）",
            [new BroadcastText("明日は燃えるごみの日です"), new BroadcastNotice("分別のお願い", "ペットボトルはキャップを外してください。", LinkLabel: "分け方", LinkUrl: "https://www.city.hirakawa.example.jp/gomi")],
            new AnyOf([new AttributeIn("area", ["hiraka"]), new AllOf([new AttributeIn("topic", ["events"]), new AttributeIn("area", ["onoe"])])]),
            BroadcastScheduleKind.Recurring,
            new BroadcastRecurrence(RecurrenceFrequency.Weekly, new TimeOnly(18, 0), DateOnly.FromDateTime(DateTime.Today), Weekdays: [DayOfWeek.Monday, DayOfWeek.Thursday]));

        var form = RenderForm(copyOf: source);

        Assert.Equal("ごみ収集（毎週）", form.Find("#compose-title").GetAttribute("value"));
        Assert.Equal("明日は燃えるごみの日です", form.Find("#message-1-text").GetAttribute("value"));
        Assert.Equal("https://www.city.hirakawa.example.jp/gomi", form.Find("#message-2-link-url").GetAttribute("value"));
        Assert.True(form.Find("#segment-conditions").HasAttribute("checked"));
        Assert.True(form.Find("#segment-g1-c1-value-hiraka").HasAttribute("checked"));
        Assert.True(form.Find("#segment-g2-c2-value-onoe").HasAttribute("checked"));
        Assert.True(form.Find("#schedule-recurring").HasAttribute("checked"));
        Assert.Equal("18:00", form.Find("#schedule-time-of-day").GetAttribute("value"));
        Assert.True(form.Find("#schedule-weekday-1").HasAttribute("checked"));
        Assert.False(form.Find("#schedule-weekday-2").HasAttribute("checked"));
        Assert.Equal(2, form.FindAll(".line-phone .line-row").Count);

        form.Find("#compose-submit").Click();

        var (id, saved) = Assert.Single(_composer.Drafts);
        Assert.NotEqual(source, id);
        Assert.Equal([id], _composer.Submitted);
        Assert.Equal("ごみ収集（毎週）", saved.Title);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Thursday], Assert.IsType<SendRecurring>(saved.Schedule).Recurrence.Weekdays);
        Assert.EndsWith($"/portal/hirakawa/broadcasts/{id}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_delivery_opens_with_the_reason_its_times_in_japan_time_and_saves_over_itself()
    {
        var id = Guid.NewGuid();
        _composer.Drafts[id] = new BroadcastDraft(
            "健診のお知らせ",
            [new BroadcastImage("https://media.example.jp/images/kenshin.jpg", "https://media.example.jp/images/kenshin-preview.jpg")],
            new AttributeIn("topic", ["childcare"]),
            new DateTimeOffset(2099, 4, 30, 15, 0, 0, TimeSpan.Zero),
            new SendAt(new DateTimeOffset(2099, 4, 1, 0, 30, 0, TimeSpan.Zero)));
        _composer.RejectionReasons[id] = "画像の日付が古いです。";

        var form = Render<ComposeForm>(p => p.Add(s => s.TenantSlug, "hirakawa").Add(s => s.EnvironmentName, "production").Add(s => s.DeliveryId, id));

        Assert.Contains("画像の日付が古いです。", form.Find("#compose-rejection").TextContent, StringComparison.Ordinal);
        Assert.Equal("https://media.example.jp/images/kenshin-preview.jpg", form.Find(".line-phone .line-image").GetAttribute("src"));
        Assert.True(form.Find("#segment-g1-c1-value-childcare").HasAttribute("checked"));
        Assert.Equal(("2099-04-01", "09:30"), (form.Find("#schedule-at-date").GetAttribute("value"), form.Find("#schedule-at-time").GetAttribute("value")));
        Assert.Equal(("2099-05-01", "00:00"), (form.Find("#valid-until-date").GetAttribute("value"), form.Find("#valid-until-time").GetAttribute("value")));

        form.Find("#compose-title").Input("健診のお知らせ（差し替え）");
        form.Find("#compose-save").Click();

        var (savedId, saved) = Assert.Single(_composer.Drafts);
        Assert.Equal((id, "健診のお知らせ（差し替え）"), (savedId, saved.Title));
        Assert.Equal(new DateTimeOffset(2099, 4, 30, 15, 0, 0, TimeSpan.Zero), saved.ValidUntil);
        Assert.Empty(_composer.Submitted);
    }

    [Fact]
    public void A_time_is_entered_in_japan_time_and_saved_in_utc()
    {
        var form = RenderForm();
        form.Find("#compose-title").Input("健診のお知らせ");
        form.Find("#message-1-text").Input("健診の予約が始まりました。");
        form.Find("#schedule-at").Change(true);
        form.Find("#schedule-at-date").Change("2099-04-01");
        form.Find("#schedule-at-time").Change("09:00");

        form.Find("#compose-save").Click();

        var saved = Assert.Single(_composer.Drafts.Values);
        Assert.Equal(new DateTimeOffset(2099, 4, 1, 0, 0, 0, TimeSpan.Zero), Assert.IsType<SendAt>(saved.Schedule).At);
        Assert.Equal(TimeSpan.Zero, Assert.IsType<SendAt>(saved.Schedule).At.Offset);
    }

    [Fact]
    public void Staff_without_the_compose_permission_are_refused_and_nothing_is_read()
    {
        Staff.Permissions.Clear();
        Staff.Permissions.Add(BroadcastPermissions.View);

        var form = RenderForm();

        Assert.Contains("broadcast.compose", form.Find("#compose-refused").TextContent, StringComparison.Ordinal);
        Assert.Empty(form.FindAll("form"));
        Assert.Empty(_composer.Counted);
    }

    [Fact]
    public void The_preview_draws_the_line_messages_it_is_given()
    {
        LineMessage[] messages = [new TextMessage("$ 今日は $ 晴れ") { Emojis = [new LineEmoji(0, "p", "001"), new LineEmoji(6, "p", "002")] }, new ImageMessage("https://a.example.jp/o.jpg", "https://a.example.jp/p.jpg")];

        var preview = Render<SmartBranch.Portal.Shell.LinePreview.LinePhonePreview>(p => p.Add(c => c.Messages, messages).Add(c => c.AccountName, "平川市"));

        Assert.Equal("平川市", preview.Find(".line-phone-header").TextContent);
        Assert.Equal(" 今日は  晴れ", preview.Find(".line-text").TextContent);
        Assert.Equal(2, preview.FindAll(".line-text img.line-emoji").Count);
        Assert.Equal("https://a.example.jp/p.jpg", preview.Find(".line-image").GetAttribute("src"));
    }

    private IRenderedComponent<ComposeForm> RenderForm(Guid? copyOf = null) =>
        Render<ComposeForm>(p => p.Add(s => s.TenantSlug, "hirakawa").Add(s => s.EnvironmentName, "production").Add(s => s.CopyOf, copyOf));
}
