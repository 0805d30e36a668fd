using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace SmartBranch.Identity.OpenId;

/// <summary>
/// Replaces OpenIddict's redirect-URI check. The portal runs in this process, so its one valid
/// redirect URI is this server's own callback on the origin the request came to; a fixed
/// registration could not follow the origin across environments. Other clients keep the
/// registered-URI check.
/// </summary>
internal sealed class PortalRedirectUriValidation(IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseScopedHandler<PortalRedirectUriValidation>()
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        if (string.IsNullOrEmpty(context.RedirectUri))
        {
            context.Reject(Errors.InvalidRequest, "The redirect_uri parameter is required.");
            return;
        }

        var valid = context.ClientId == SmartBranchAuthentication.PortalClientId
            ? context.BaseUri is { } origin && context.RedirectUri == new Uri(origin, SmartBranchAuthentication.PortalCallbackPath).ToString()
            : await applications.FindByClientIdAsync(context.ClientId!) is { } application
              && await applications.ValidateRedirectUriAsync(application, context.RedirectUri);
        if (!valid)
        {
            context.Reject(Errors.InvalidRequest, "The redirect_uri is not valid for this client.");
        }
    }
}
