using SmartBranch.Kernel.Messaging;

namespace SmartBranch.Modules.Residents.Contracts;

/// <summary>A LINE user added the account as a friend, or unblocked it (<paramref name="IsRefollow"/>).</summary>
public sealed record ResidentFollowedIntegrationEvent(Guid ResidentId, string LineUserId, bool IsRefollow) : IntegrationEvent;

/// <summary>A resident blocked the account; nothing may be sent to them until they follow again.</summary>
public sealed record ResidentBlockedIntegrationEvent(Guid ResidentId, string LineUserId) : IntegrationEvent;

/// <summary>A resident saved their preferences (the attributes deliveries select on, and their consent).</summary>
public sealed record ResidentPreferencesChangedIntegrationEvent(Guid ResidentId, string LineUserId) : IntegrationEvent;
