using SmartBranch.Line.Messages;
using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.UnitTests.Modules.Broadcast;

/// <summary>What staff may compose, and the path a delivery takes from draft to sent.</summary>
public sealed class BroadcastDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private static BroadcastDraft Draft(BroadcastSchedule? schedule = null, DateTimeOffset? validUntil = null, params BroadcastContent[] messages) =>
        new("ごみ収集日のお知らせ", messages.Length > 0 ? messages : [new BroadcastText("明日は燃えるごみの日です。")], null, validUntil, schedule ?? new SendNow());

    private static BroadcastRuleException Refused(Action action) => Assert.Throws<BroadcastRuleException>(action);

    [Fact]
    public void Six_messages_are_refused_as_LINE_would()
    {
        var messages = Enumerable.Range(1, 6).Select(i => (BroadcastContent)new BroadcastText($"お知らせ {i}")).ToArray();

        var error = Refused(() => BroadcastDelivery.Draft("author", Draft(messages: messages), Now));

        Assert.Contains("5 件まで", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_words_residents_read_are_kept_for_search_and_follow_an_edit()
    {
        var delivery = BroadcastDelivery.Draft("author", Draft(messages:
        [
            new BroadcastText("明日は燃えるごみの日です。"),
            new BroadcastImage("https://example.jp/a.png", "https://example.jp/a-preview.png"),
            new BroadcastNotice("夏祭り", "会場は中央公園です。"),
        ]), Now);

        Assert.Equal("明日は燃えるごみの日です。\n夏祭り\n会場は中央公園です。", delivery.MessageText);

        delivery.Update(Draft(messages: new BroadcastText("収集日が変わりました。")), Now);

        Assert.Equal("収集日が変わりました。", delivery.MessageText);
    }

    [Fact]
    public void A_text_longer_than_5000_characters_is_refused_with_its_length()
    {
        var error = Refused(() => BroadcastDelivery.Draft("author", Draft(messages: new BroadcastText(new string('あ', 5001))), Now));

        Assert.Contains("5,001 文字", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_LINE_emoji_must_stand_on_a_dollar_sign()
    {
        var misplaced = new BroadcastText("お知らせ $", [new LineEmoji(0, "5ac1bfd5040ab15980c9b435", "001")]);
        var placed = new BroadcastText("お知らせ $", [new LineEmoji(5, "5ac1bfd5040ab15980c9b435", "001")]);

        Refused(() => BroadcastDelivery.Draft("author", Draft(messages: misplaced), Now));
        var delivery = BroadcastDelivery.Draft("author", Draft(messages: placed), Now);

        var text = Assert.IsType<TextMessage>(delivery.Messages[0].ToLineMessage());
        Assert.Equal(5, Assert.Single(text.Emojis!).Index);
    }

    [Fact]
    public void Images_and_links_must_be_https()
    {
        Refused(() => BroadcastDelivery.Draft("author", Draft(messages: new BroadcastImage("http://example.jp/a.jpg", "https://example.jp/a-s.jpg")), Now));
        Refused(() => BroadcastDelivery.Draft("author", Draft(messages: new BroadcastNotice("見出し", "本文", LinkLabel: "詳しく", LinkUrl: "javascript:alert(1)")), Now));
    }

    [Fact]
    public void A_notice_card_becomes_a_Flex_bubble_whose_title_is_the_notification_text()
    {
        var notice = new BroadcastNotice("断水のお知らせ", "本日 13 時から断水します。", "https://example.jp/water.png", "詳しく見る", "https://example.jp/water");

        var flex = Assert.IsType<FlexMessage>(notice.ToLineMessage());

        Assert.Equal("断水のお知らせ", flex.AltText);
        Assert.Equal("https://example.jp/water.png", flex.Contents["hero"]!["url"]!.GetValue<string>());
        Assert.Equal("https://example.jp/water", flex.Contents["footer"]!["contents"]![0]!["action"]!["uri"]!.GetValue<string>());
    }

    [Fact]
    public void A_link_button_needs_both_label_and_url()
    {
        var error = Refused(() => BroadcastDelivery.Draft("author", Draft(messages: new BroadcastNotice("見出し", "本文", LinkLabel: "詳しく")), Now));

        Assert.Contains("表示名と URL の両方", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_until_time_before_the_send_is_refused()
    {
        var error = Refused(() => BroadcastDelivery.Draft("author", Draft(new SendAt(Now.AddHours(2)), Now.AddHours(1)), Now));

        Assert.Contains("有効期限", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_submitted_delivery_waits_for_a_second_person_and_the_author_cannot_approve_it()
    {
        var delivery = BroadcastDelivery.Draft("author", Draft(new SendAt(Now.AddHours(1))), Now);
        delivery.Submit(approvalRequired: true, Now);

        var error = Refused(() => delivery.Approve("author", 10, Now));
        delivery.Approve("approver", 10, Now);

        Assert.Contains("作成者は自分の配信を承認できません", error.Message, StringComparison.Ordinal);
        Assert.Equal((BroadcastDeliveryState.Scheduled, Now.AddHours(1), 10), (delivery.State, delivery.NextRunAt, delivery.ApprovedRecipientCount));
    }

    [Fact]
    public void A_delivery_whose_time_passed_while_awaiting_approval_cannot_be_approved_into_a_late_send()
    {
        var delivery = BroadcastDelivery.Draft("author", Draft(new SendAt(Now.AddHours(1))), Now);
        delivery.Submit(approvalRequired: true, Now);

        var error = Refused(() => delivery.Approve("approver", 10, Now.AddHours(2)));

        Assert.Contains("予約日時を過ぎている", error.Message, StringComparison.Ordinal);
        Assert.Equal(BroadcastDeliveryState.AwaitingApproval, delivery.State);
    }

    [Fact]
    public void Without_required_approval_a_submitted_delivery_is_scheduled_at_once()
    {
        var delivery = BroadcastDelivery.Draft("author", Draft(), Now);

        delivery.Submit(approvalRequired: false, Now);

        Assert.Equal((BroadcastDeliveryState.Scheduled, Now), (delivery.State, delivery.NextRunAt));
    }

    [Fact]
    public void Only_a_draft_can_be_edited_so_the_approver_sees_what_is_sent()
    {
        var delivery = BroadcastDelivery.Draft("author", Draft(), Now);
        delivery.Submit(approvalRequired: true, Now);

        var error = Refused(() => delivery.Update(Draft(messages: new BroadcastText("差し替え")), Now));

        Assert.Contains("承認待ちの配信は編集できません", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_delivery_returns_to_its_author_as_a_draft_with_the_reason()
    {
        var delivery = BroadcastDelivery.Draft("author", Draft(), Now);
        delivery.Submit(approvalRequired: true, Now);

        delivery.Reject("approver", "日付が違います", Now);

        Assert.Equal((BroadcastDeliveryState.Draft, "日付が違います"), (delivery.State, delivery.RejectionReason));
    }

    [Fact]
    public void A_scheduled_delivery_can_be_cancelled_but_not_one_being_sent()
    {
        var scheduled = BroadcastDelivery.Draft("author", Draft(new SendAt(Now.AddHours(1))), Now);
        scheduled.Submit(approvalRequired: false, Now);
        var sending = BroadcastDelivery.Draft("author", Draft(), Now);
        sending.Submit(approvalRequired: false, Now);
        sending.RunStarted(Now, Now);

        scheduled.Cancel("staff", Now);

        Assert.Equal((BroadcastDeliveryState.Cancelled, (DateTimeOffset?)null), (scheduled.State, scheduled.NextRunAt));
        Refused(() => sending.Cancel("staff", Now));
    }

    [Fact]
    public void An_emergency_delivery_goes_to_all_friends_at_once_and_needs_a_reason()
    {
        Refused(() => BroadcastDelivery.Emergency("admin", "避難指示", [new BroadcastText("避難してください。")], " ", Now));

        var delivery = BroadcastDelivery.Emergency("admin", "避難指示", [new BroadcastText("避難してください。")], "大雨特別警報", Now);

        Assert.Equal((BroadcastDeliveryState.Scheduled, Now, true, (string?)null), (delivery.State, delivery.NextRunAt, delivery.IsEmergency, delivery.SegmentJson));
    }

    [Fact]
    public void A_recurring_delivery_moves_to_its_next_occurrence_when_a_send_starts_or_is_missed()
    {
        var recurrence = new BroadcastRecurrence(RecurrenceFrequency.Daily, new TimeOnly(9, 0), new DateOnly(2026, 4, 2));
        var delivery = BroadcastDelivery.Draft("author", Draft(new SendRecurring(recurrence)), Now);
        delivery.Submit(approvalRequired: false, Now);
        var first = delivery.NextRunAt!.Value;

        delivery.OccurrenceMissed(first, first.AddDays(3));

        Assert.Equal((BroadcastDeliveryState.Scheduled, first.AddDays(1)), (delivery.State, delivery.NextRunAt));
    }
}
