using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Server;
using SmartBranch.Identity.Security;
using SmartBranch.Kernel.Authorization;
using SmartBranch.Kernel.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartBranch.Identity.OpenId;

/// <summary>OpenIddict as this server's OpenID Connect provider (portal sign-in) and as the API's token validator.</summary>
internal static class OpenIdServerRegistration
{
    public const string AuthorizationPath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string JwksPath = "/.well-known/jwks";

    /// <param name="singleProcess">The embedded default (SQLite): one process on one machine.</param>
    public static void AddSmartBranchOpenIdServer(
        this IServiceCollection services, SmartBranchIdentityOptions options, IHostEnvironment environment, bool singleProcess)
    {
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<SmartBranchDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthorizationPath.TrimStart('/'))
                    .SetTokenEndpointUris(TokenPath.TrimStart('/'))
                    .SetJsonWebKeySetEndpointUris(JwksPath.TrimStart('/'));
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.Email, SmartBranchAuthentication.ApiScope, .. ApiScopes.All]);
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(30));
                if (options.PublicOrigin is { } origin)
                {
                    server.SetIssuer(origin);
                }

                AddKeys(server, options.OpenId, environment, singleProcess);

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough();
                if (environment.IsLocal())
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }

                server.RemoveEventHandler(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor);
                server.AddEventHandler(PortalRedirectUriValidation.Descriptor);
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });
    }

    private static void AddKeys(OpenIddictServerBuilder server, OpenIdCertificates certificates, IHostEnvironment environment, bool singleProcess)
    {
        if (certificates.SigningCertificatePath is { Length: > 0 } signing)
        {
            server.AddSigningCertificate(Load(signing, certificates.SigningCertificatePassword));
            server.AddEncryptionCertificate(Load(
                certificates.EncryptionCertificatePath ?? throw new InvalidOperationException("Identity:OpenId:EncryptionCertificatePath is not set."),
                certificates.EncryptionCertificatePassword));
        }
        else if (environment.IsEnvironment("Testing"))
        {
            server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
        }
        else if (environment.IsDevelopment() || singleProcess)
        {
            // Self-signed certificates kept in the user's certificate store: enough for one process
            // on one machine (a trial on the embedded default), never shared between processes.
            server.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
        }
        else
        {
            throw new InvalidOperationException(
                "Identity:OpenId:SigningCertificatePath and EncryptionCertificatePath must name PKCS#12 files when several processes share PostgreSQL.");
        }
    }

    private static X509Certificate2 Load(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
}
