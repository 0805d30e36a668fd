using Microsoft.EntityFrameworkCore;
using SmartBranch.Kernel.Persistence;

namespace SmartBranch.Modules.Broadcast.Persistence;

internal sealed class BroadcastModelContribution : IModelContribution
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new BroadcastDeliveryConfiguration());
        modelBuilder.ApplyConfiguration(new BroadcastRunConfiguration());
        modelBuilder.ApplyConfiguration(new BroadcastBatchConfiguration());
        modelBuilder.ApplyConfiguration(new BroadcastSettingsConfiguration());
        modelBuilder.ApplyConfiguration(new BroadcastTestAccountConfiguration());
        modelBuilder.ApplyConfiguration(new BroadcastTestAccountCodeConfiguration());
    }
}
