using SmartBranch.Kernel.BackgroundWork;

namespace SmartBranch.Kernel.LineWebhooks;

/// <summary>Wakes the processor when this process has stored new webhook events.</summary>
internal sealed class LineWebhookSignal : WorkSignal;
