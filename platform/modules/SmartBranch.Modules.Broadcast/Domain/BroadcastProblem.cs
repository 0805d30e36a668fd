namespace SmartBranch.Modules.Broadcast.Domain;

/// <summary>The part of a delivery a problem is about, so the compose screen can show it beside that input.</summary>
public enum BroadcastDraftPart
{
    /// <summary>The delivery as a whole, or an action on it.</summary>
    Delivery,
    Title,

    /// <summary>The number of messages.</summary>
    Messages,

    /// <summary>One message: <see cref="BroadcastProblem.MessagePosition"/> says which.</summary>
    Message,
    Schedule,
    ValidUntil,
}

/// <param name="Text">What is wrong, in Japanese.</param>
/// <param name="MessagePosition">The message's position (1-based) when <paramref name="Part"/> is <see cref="BroadcastDraftPart.Message"/>.</param>
public sealed record BroadcastProblem(BroadcastDraftPart Part, string Text, int? MessagePosition = null);
