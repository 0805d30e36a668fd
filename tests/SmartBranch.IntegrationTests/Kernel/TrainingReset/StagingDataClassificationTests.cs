using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.IntegrationTests.Infrastructure;
using SmartBranch.Kernel.Persistence;
using SmartBranch.Kernel.TrainingReset;

namespace SmartBranch.IntegrationTests.Kernel.TrainingReset;

/// <summary>A new tenant-owned entity must be classified for the training reset: erased, erased on request, or kept.</summary>
public sealed class StagingDataClassificationTests
{
    [Fact]
    public async Task Every_tenant_owned_entity_of_the_model_is_classified_exactly_once_by_the_module_that_erases_or_keeps_it()
    {
        await using var kernel = await KernelHarness.StartAsync();
        await using var scope = kernel.Scope();
        var model = scope.ServiceProvider.GetRequiredService<SmartBranchDbContext>().Model;
        var erasers = scope.ServiceProvider.GetServices<IStagingDataEraser>().ToList();

        var tenantOwned = model.GetEntityTypes().Select(t => t.ClrType).Where(typeof(ITenantOwned).IsAssignableFrom).Select(t => t.FullName!).ToHashSet();
        var classified = erasers.SelectMany(e => e.Classification.All).Select(t => t.FullName!).ToList();

        Assert.Empty(classified.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(tenantOwned.Except(classified).Order(StringComparer.Ordinal));
        Assert.Empty(classified.Except(tenantOwned).Order(StringComparer.Ordinal));
    }
}
