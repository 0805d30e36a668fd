namespace SmartBranch.Modules.RichMenus.Features.Publish;

/// <summary>
/// One rich menu created, or about to be created, on a LINE channel: counted against LINE's creations per hour for
/// the channel, whichever tenant environment or process made it.
/// </summary>
public sealed class RichMenuCreation
{
    private RichMenuCreation()
    {
    }

    public RichMenuCreation(string channelId, DateTimeOffset createdAt)
    {
        ChannelId = channelId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string ChannelId { get; private init; } = "";
    public DateTimeOffset CreatedAt { get; private init; }
}
