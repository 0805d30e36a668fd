using SmartBranch.Kernel.Messaging;

namespace SmartBranch.Kernel.LineChannels;

/// <summary>
/// Messages to send to one LINE user of the event's tenant environment, by reply when a fresh reply
/// token is at hand (free of charge), otherwise by push with the event id as the retry key.
/// </summary>
/// <param name="MessagesJson">LINE message objects as a JSON array.</param>
public sealed record LineMessagesRequestedIntegrationEvent(
    string To,
    string MessagesJson,
    string? ReplyToken,
    DateTimeOffset? ReplyTokenIssuedAt) : IntegrationEvent;
