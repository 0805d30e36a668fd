using SmartBranch.Kernel.BackgroundWork;

namespace SmartBranch.Modules.Broadcast.Jobs;

/// <summary>Wakes the scheduler when a delivery becomes due at once (an emergency, a send-now approval).</summary>
public sealed class BroadcastSchedulerSignal : WorkSignal;

/// <summary>Wakes the sender when a send starts or is stopped.</summary>
public sealed class BroadcastSenderSignal : WorkSignal;
