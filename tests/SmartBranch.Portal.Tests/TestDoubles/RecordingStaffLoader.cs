using System.Security.Claims;
using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Portal.Tests.TestDoubles;

/// <summary>Remembers whom the components asked to load as the current staff member.</summary>
internal sealed class RecordingStaffLoader : ICurrentStaffLoader
{
    public List<string?> LoadedNames { get; } = [];

    public Task LoadAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        LoadedNames.Add(principal.Identity?.Name);
        return Task.CompletedTask;
    }
}
