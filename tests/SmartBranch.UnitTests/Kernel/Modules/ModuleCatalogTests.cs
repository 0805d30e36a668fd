using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartBranch.Kernel.Modules;

namespace SmartBranch.UnitTests.Kernel.Modules;

public sealed class ModuleCatalogTests
{
    [Fact]
    public void A_module_whose_dependency_is_missing_stops_the_start_up()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ModuleCatalog.From([typeof(BroadcastStub)]));

        Assert.Contains("'broadcast' depends on 'residents'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Modules_come_after_the_modules_they_depend_on_whatever_order_they_are_listed_in()
    {
        var catalog = ModuleCatalog.From([typeof(BroadcastStub), typeof(ResidentsStub)]);

        Assert.Equal(["residents", "broadcast"], catalog.Modules.Select(m => m.Descriptor.Id));
    }

    [Fact]
    public void Two_modules_with_one_id_are_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ModuleCatalog.From([typeof(ResidentsStub), typeof(ResidentsStub)]));

        Assert.Contains("registered twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dependency_cycle_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ModuleCatalog.From([typeof(CycleA), typeof(CycleB)]));

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    private abstract class StubModule(string id, params string[] dependsOn) : ISmartBranchModule
    {
        public ModuleDescriptor Descriptor { get; } = new(id, id, dependsOn);

        public void AddServices(IServiceCollection services, IConfiguration configuration)
        {
        }

        public void MapEndpoints(IEndpointRouteBuilder endpoints)
        {
        }
    }

    private sealed class ResidentsStub() : StubModule("residents");

    private sealed class BroadcastStub() : StubModule("broadcast", "residents");

    private sealed class CycleA() : StubModule("a", "b");

    private sealed class CycleB() : StubModule("b", "a");
}
