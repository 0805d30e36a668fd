namespace SmartBranch.Portal.Modules.Broadcast;

/// <summary>The delivery screens' texts: <c>DeliveryText.resx</c> (Japanese) and <c>DeliveryText.en.resx</c>.</summary>
public sealed class DeliveryText;
