using Microsoft.EntityFrameworkCore;

namespace SmartBranch.Kernel.Persistence;

/// <summary>
/// A module's part of the shared model: it applies its own <c>IEntityTypeConfiguration</c>
/// classes, whose tables carry the module's prefix. Register with <c>services.AddModelContribution&lt;T&gt;()</c>.
/// </summary>
public interface IModelContribution
{
    void Configure(ModelBuilder modelBuilder);
}
