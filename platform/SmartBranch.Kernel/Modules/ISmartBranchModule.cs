using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartBranch.Kernel.Modules;

/// <summary>
/// The one entry point of a module. The host creates each module once, calls
/// <see cref="AddServices"/> while composing the container and <see cref="MapEndpoints"/> when
/// building the request pipeline. Modules contribute through kernel interfaces only
/// (<c>IModelContribution</c>, <c>ILineWebhookEventHandler</c>, bus consumers).
/// </summary>
public interface ISmartBranchModule
{
    ModuleDescriptor Descriptor { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    void MapEndpoints(IEndpointRouteBuilder endpoints);
}

/// <param name="Id">Lower-case id; it names the permission prefix, table prefix, route segment and configuration section.</param>
public sealed record ModuleDescriptor(string Id, string Name, IReadOnlyList<string> DependsOn)
{
    public ModuleDescriptor(string id, string name) : this(id, name, []) { }
}
