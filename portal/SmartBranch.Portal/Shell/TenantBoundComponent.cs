using Microsoft.AspNetCore.Components;
using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Portal.Shell;

/// <summary>
/// The base of a portal component that runs interactively. Its circuit has a DI scope of its own,
/// which the request's tenant resolution never saw, so the page passes the tenant and environment
/// down and the component enters them before it touches data or audited services.
/// </summary>
public abstract class TenantBoundComponent : ComponentBase
{
    [Parameter, EditorRequired]
    public string TenantSlug { get; set; } = "";

    [Parameter, EditorRequired]
    public string EnvironmentName { get; set; } = "";

    [Inject]
    private ITenantEnvironmentEntry TenantEntry { get; set; } = null!;

    // Entered before the subclass's own lifecycle methods run, so none of them can forget it.
    public override Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        TenantEntry.Enter(TenantSlug, EnvironmentName);
        return base.SetParametersAsync(ParameterView.Empty);
    }
}
