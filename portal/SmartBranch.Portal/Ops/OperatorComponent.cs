using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Portal.Ops;

/// <summary>
/// The base of a console component that runs interactively and acts as the signed-in operator. Its
/// circuit has a DI scope of its own that no request's middleware filled, so it loads the operator
/// before its own lifecycle methods run; services that check or audit the actor then see them.
/// </summary>
public abstract class OperatorComponent : ComponentBase
{
    private bool _operatorLoaded;

    [Inject]
    private AuthenticationStateProvider Authentication { get; set; } = null!;

    [Inject]
    private ICurrentStaffLoader StaffLoader { get; set; } = null!;

    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        if (!_operatorLoaded)
        {
            var state = await Authentication.GetAuthenticationStateAsync();
            await StaffLoader.LoadAsync(state.User, CancellationToken.None);
            _operatorLoaded = true;
        }

        await base.SetParametersAsync(ParameterView.Empty);
    }
}
