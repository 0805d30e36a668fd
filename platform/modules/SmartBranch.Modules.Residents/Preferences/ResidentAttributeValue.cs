using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Residents.Preferences;

/// <summary>
/// One value a resident registered for one attribute of the segment catalogue (topic = disaster, area = hiraka).
/// A row per value, so that each part of a delivery's condition is one range of one index.
/// Stored on our servers only; LINE never sees it.
/// </summary>
internal sealed class ResidentAttributeValue : ITenantOwned
{
    public ResidentAttributeValue(Guid residentId, string attributeKey, string valueKey)
    {
        ResidentId = residentId;
        AttributeKey = attributeKey;
        ValueKey = valueKey;
    }

    public string TenantSlug { get; set; } = "";
    public string EnvironmentName { get; set; } = "";
    public Guid ResidentId { get; private init; }
    public string AttributeKey { get; private init; }
    public string ValueKey { get; private init; }
}
