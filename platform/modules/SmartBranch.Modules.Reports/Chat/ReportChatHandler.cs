using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SmartBranch.Kernel.LineChannels;
using SmartBranch.Kernel.LineWebhooks;
using SmartBranch.Kernel.Media;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.ResidentPages;
using SmartBranch.Kernel.Tenancy;
using SmartBranch.Line.Client;
using SmartBranch.Line.Messages;
using SmartBranch.Line.Webhooks;
using SmartBranch.Modules.Reports.Catalog;
using SmartBranch.Modules.Reports.Domain;
using SmartBranch.Modules.Reports.Features.PublicMap;
using SmartBranch.Modules.Reports.Form;

namespace SmartBranch.Modules.Reports.Chat;

/// <summary>
/// The report chat: 通報 (word or rich-menu postback <c>reports:start</c>) → category → photo → place → comment →
/// confirmation → receipt number, one <see cref="ReportConversation"/> per resident. やめる cancels at any step; a
/// conversation idle for <see cref="ReportConversation.Timeout"/> lapses. Messages outside a conversation are left to
/// other handlers.
/// </summary>
internal sealed partial class ReportChatHandler(
    SmartBranchDbContext db,
    ICurrentTenant currentTenant,
    ReportCatalogFiles catalogs,
    ReportPhotos photos,
    ReportFiling filing,
    ILineMessenger messenger,
    ResidentPageLinks links,
    TimeProvider clock,
    ILogger<ReportChatHandler> logger)
    : ILineWebhookEventHandler<MessageEvent>, ILineWebhookEventHandler<PostbackEvent>
{
    public Task HandleAsync(MessageEvent webhookEvent, CancellationToken cancellationToken) => webhookEvent.Message switch
    {
        TextEventMessage text => HandleAsync(webhookEvent, Input.OfText(text.Text), cancellationToken),
        ImageEventMessage image => HandleAsync(webhookEvent, new Input(InputKind.Photo) { MessageId = image.Id }, cancellationToken),
        LocationEventMessage location => HandleAsync(
            webhookEvent, new Input(InputKind.Location) { Latitude = location.Latitude, Longitude = location.Longitude, Text = location.Address }, cancellationToken),
        _ => HandleAsync(webhookEvent, new Input(InputKind.Other), cancellationToken),
    };

    public Task HandleAsync(PostbackEvent webhookEvent, CancellationToken cancellationToken) =>
        Input.OfPostback(webhookEvent.Data) is { } input ? HandleAsync(webhookEvent, input, cancellationToken) : Task.CompletedTask;

    private async Task HandleAsync(LineWebhookEvent webhookEvent, Input input, CancellationToken cancellationToken)
    {
        if (webhookEvent.Source is not { Type: "user", UserId: { } userId })
        {
            return;
        }

        var catalog = catalogs.For(currentTenant.Required);
        if (catalog.Categories.Count == 0)
        {
            return; // This tenant offers no reports.
        }

        var at = webhookEvent.Timestamp;
        var conversation = await db.Set<ReportConversation>().SingleOrDefaultAsync(c => c.LineUserId == userId, cancellationToken);
        if (input.Kind == InputKind.Start)
        {
            if (conversation is null)
            {
                db.Add(ReportConversation.Start(userId, at));
            }
            else
            {
                conversation.Restart(at);
            }

            Reply(webhookEvent, userId, ReportChatMessages.Categories(catalog, formUrl: links.For(currentTenant.Required, ReportFormEndpoints.Page)));
            return;
        }

        if (conversation is null)
        {
            // Outside a conversation only our own buttons are answered: other words belong to other modules.
            if (input.IsOwnButton)
            {
                Reply(webhookEvent, userId, new TextMessage(ReportChatMessages.Expired));
            }

            return;
        }

        if (conversation.IsExpiredAt(at))
        {
            db.Remove(conversation);
            Reply(webhookEvent, userId, new TextMessage(ReportChatMessages.Expired));
            return;
        }

        if (input.Kind == InputKind.Cancel)
        {
            db.Remove(conversation);
            Reply(webhookEvent, userId, new TextMessage(ReportChatMessages.Cancelled));
            return;
        }

        var answer = conversation.Step switch
        {
            ReportConversationStep.Category => ChooseCategory(conversation, catalog, input, at),
            ReportConversationStep.Photo => await AttachPhotoAsync(conversation, input, at, cancellationToken),
            ReportConversationStep.Location => Locate(conversation, catalog, input, at),
            ReportConversationStep.Comment => Remark(conversation, catalog, input, at),
            _ => await ConfirmAsync(conversation, catalog, input, at, cancellationToken),
        };
        Reply(webhookEvent, userId, answer);
    }

    private static LineMessage ChooseCategory(ReportConversation conversation, ReportCatalog catalog, Input input, DateTimeOffset at)
    {
        var category = input.Kind switch
        {
            InputKind.Category => catalog.Category(input.Text!),
            InputKind.Text => catalog.Categories.FirstOrDefault(c => c.NameJa == input.Text),
            _ => null,
        };
        if (category is null)
        {
            conversation.KeepAlive(at);
            return ReportChatMessages.Categories(catalog, ReportChatMessages.ChooseCategoryHint);
        }

        conversation.ChooseCategory(category.Key, at);
        return ReportChatMessages.Photo($"「{category.NameJa}」ですね。");
    }

    private async Task<LineMessage> AttachPhotoAsync(ReportConversation conversation, Input input, DateTimeOffset at, CancellationToken cancellationToken)
    {
        conversation.KeepAlive(at);
        if (input.Kind != InputKind.Photo)
        {
            return ReportChatMessages.Photo(ReportChatMessages.PhotoHint);
        }

        try
        {
            var photo = await photos.KeepAsync(input.MessageId!, cancellationToken);
            conversation.AttachPhoto(photo.PhotoId, photo.CapturedAt, at);
            return ReportChatMessages.Location("写真を受け取りました。");
        }
        catch (ImageRejectedException e)
        {
            return ReportChatMessages.Photo(e.Message);
        }
        catch (LineApiException e)
        {
            LogPhotoUnavailable((int)e.StatusCode);
            return ReportChatMessages.Photo(ReportChatMessages.PhotoUnavailable);
        }
    }

    private LineMessage Locate(ReportConversation conversation, ReportCatalog catalog, Input input, DateTimeOffset at)
    {
        conversation.KeepAlive(at);
        if (input.Kind != InputKind.Location)
        {
            return ReportChatMessages.Location(ReportChatMessages.LocationHint);
        }

        if (catalog.Boundary is { } boundary && !boundary.Contains(input.Latitude, input.Longitude))
        {
            return ReportChatMessages.OutsideCity(currentTenant.Required.Tenant.Name);
        }

        conversation.Locate(input.Latitude, input.Longitude, string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim(), at);
        return ReportChatMessages.Comment("場所を受け取りました。");
    }

    private static LineMessage Remark(ReportConversation conversation, ReportCatalog catalog, Input input, DateTimeOffset at)
    {
        conversation.KeepAlive(at);
        if (input.Kind is not (InputKind.Text or InputKind.Skip))
        {
            return ReportChatMessages.Comment();
        }

        var comment = input.Kind == InputKind.Skip ? null : input.Text!.Trim();
        if (comment is { Length: > ReportCase.MaxCommentLength })
        {
            return ReportChatMessages.CommentTooLong();
        }

        conversation.Remark(comment, at);
        var category = catalog.Category(conversation.CategoryKey!)!;
        return ReportChatMessages.Confirmation(conversation, category, RoadManagerAt(catalog, category, conversation));
    }

    private async Task<LineMessage> ConfirmAsync(
        ReportConversation conversation, ReportCatalog catalog, Input input, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (catalog.Category(conversation.CategoryKey!) is not { } category)
        {
            // The category was removed from the tenant's file while the resident was answering.
            conversation.Restart(at);
            return ReportChatMessages.Categories(catalog, "通報の種類が変わりました。お手数ですが、もう一度選んでください。");
        }

        if (input.Kind != InputKind.Submit)
        {
            conversation.KeepAlive(at);
            return ReportChatMessages.Confirmation(conversation, category, RoadManagerAt(catalog, category, conversation));
        }

        var roadManager = RoadManagerAt(catalog, category, conversation);
        var report = await filing.FileAsync(conversation.ToSubmission(), category.DepartmentKey, roadManager, clock.GetUtcNow(), cancellationToken);
        db.Remove(conversation);
        return ReportChatMessages.Received(report.ReceiptNumber, roadManager, PublicReportMapEndpoints.LinkFor(catalog, currentTenant.Required, links));
    }

    private static RoadManagerMatch? RoadManagerAt(ReportCatalog catalog, ReportCategory category, ReportConversation conversation) =>
        catalog.RoadManagerAt(category, conversation.Latitude!.Value, conversation.Longitude!.Value);

    private void Reply(LineWebhookEvent webhookEvent, string userId, LineMessage message)
    {
        IReadOnlyList<LineMessage> messages = [message];
        if (webhookEvent.ReplyToken is { } replyToken)
        {
            messenger.Reply(userId, replyToken, webhookEvent.Timestamp, messages);
        }
        else
        {
            messenger.Push(userId, messages);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE did not hand over a report photo ({StatusCode}); the resident was asked to send it again.")]
    private partial void LogPhotoUnavailable(int statusCode);

    private enum InputKind
    {
        Start,
        Cancel,
        Skip,
        Submit,
        Category,
        Text,
        Photo,
        Location,
        Other,
    }

    private sealed record Input(InputKind Kind)
    {
        public string? Text { get; init; }
        public string? MessageId { get; init; }
        public double Latitude { get; init; }
        public double Longitude { get; init; }

        public bool IsOwnButton => Kind is InputKind.Submit or InputKind.Category or InputKind.Skip;

        public static Input OfText(string text) => text.Trim() switch
        {
            ReportChatMessages.StartWord => new(InputKind.Start),
            ReportChatMessages.CancelWord => new(InputKind.Cancel),
            ReportChatMessages.SkipWord => new(InputKind.Skip),
            var other => new(InputKind.Text) { Text = other },
        };

        public static Input? OfPostback(string data) => data switch
        {
            ReportChatMessages.StartPostback => new(InputKind.Start),
            ReportChatMessages.SubmitPostback => new(InputKind.Submit),
            _ when data.StartsWith(ReportChatMessages.CategoryPostbackPrefix, StringComparison.Ordinal) =>
                new(InputKind.Category) { Text = data[ReportChatMessages.CategoryPostbackPrefix.Length..] },
            _ => null,
        };
    }
}
