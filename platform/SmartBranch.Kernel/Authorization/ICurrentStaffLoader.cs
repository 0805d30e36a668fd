using System.Security.Claims;

namespace SmartBranch.Kernel.Authorization;

/// <summary>
/// Fills the scope's <see cref="ICurrentStaff"/> from a signed-in principal. HTTP requests do this
/// in middleware; a scope no request set up (an interactive portal circuit) calls it itself, after
/// entering its tenant, so that permissions and the audit log's actor are right there too.
/// </summary>
public interface ICurrentStaffLoader
{
    Task LoadAsync(ClaimsPrincipal principal, CancellationToken cancellationToken);
}
