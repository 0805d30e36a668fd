using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Portal.Shell;

/// <summary>
/// The base of a portal component that runs interactively. Its circuit has a DI scope of its own,
/// which the request's tenant resolution and staff loading never saw, so the page passes the tenant
/// and environment down and the component enters them, and loads the signed-in staff member, before
/// it touches data or audited services.
/// </summary>
public abstract class TenantBoundComponent : ComponentBase
{
    private bool _staffLoaded;

    [Parameter, EditorRequired]
    public string TenantSlug { get; set; } = "";

    [Parameter, EditorRequired]
    public string EnvironmentName { get; set; } = "";

    [Inject]
    private ITenantEnvironmentEntry TenantEntry { get; set; } = null!;

    [Inject]
    private AuthenticationStateProvider Authentication { get; set; } = null!;

    [Inject]
    private ICurrentStaffLoader StaffLoader { get; set; } = null!;

    // Entered before the subclass's own lifecycle methods run, so none of them can forget it.
    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        TenantEntry.Enter(TenantSlug, EnvironmentName);
        if (!_staffLoaded)
        {
            var state = await Authentication.GetAuthenticationStateAsync();
            await StaffLoader.LoadAsync(state.User, CancellationToken.None);
            _staffLoaded = true;
        }

        await base.SetParametersAsync(ParameterView.Empty);
    }
}
