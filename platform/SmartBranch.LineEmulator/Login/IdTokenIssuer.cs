using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SmartBranch.LineEmulator.State;

namespace SmartBranch.LineEmulator.Login;

/// <summary>Issues and checks ES256 ID tokens as LINE Login / LIFF does
/// (https://developers.line.biz/en/docs/line-login/verify-id-token/). The signing key is made per emulator run.</summary>
internal sealed class IdTokenIssuer : IDisposable
{
    public const string Issuer = "https://access.line.me";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsaSecurityKey _securityKey;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly EmulatorState _state;

    public IdTokenIssuer(EmulatorState state)
    {
        _state = state;
        _securityKey = new ECDsaSecurityKey(_key) { KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) };
    }

    public string Issue(SimUser user, string clientId, string? nonce)
    {
        var now = _state.Time.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = user.UserId,
            ["aud"] = clientId,
            ["exp"] = (now + _state.Options.IdTokenLifetime).ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["auth_time"] = now.ToUnixTimeSeconds(),
            ["amr"] = new[] { "linesso" },
            ["name"] = user.DisplayName,
        };
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        if (user.PictureUrl is not null)
        {
            claims["picture"] = user.PictureUrl;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(_securityKey, SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>Checks a token as <c>POST /oauth2/v2.1/verify</c> does; returns its payload or LINE's error description.</summary>
    public async Task<(string? PayloadJson, string? Error)> VerifyAsync(string idToken, string clientId, string? nonce, string? userId)
    {
        var result = await _handler.ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            IssuerSigningKey = _securityKey,
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return (null, "Invalid IdToken.");
        }

        if (token.Issuer != Issuer)
        {
            return (null, "Invalid IdToken Issuer.");
        }

        if (!token.TryGetPayloadValue<long>("exp", out var exp) || _state.Time.GetUtcNow().ToUnixTimeSeconds() >= exp)
        {
            return (null, "IdToken expired.");
        }

        if (!token.Audiences.Contains(clientId, StringComparer.Ordinal))
        {
            return (null, "Invalid IdToken Audience.");
        }

        if (nonce is not null && (!token.TryGetPayloadValue<string>("nonce", out var actual) || actual != nonce))
        {
            return (null, "Invalid IdToken Nonce.");
        }

        if (userId is not null && token.Subject != userId)
        {
            return (null, "Invalid IdToken Subject Identifier.");
        }

        return (Base64UrlEncoder.Decode(token.EncodedPayload), null);
    }

    /// <summary>The public key as a JWKS (<c>GET /oauth2/v2.1/certs</c>).</summary>
    public object Jwks()
    {
        var p = _key.ExportParameters(includePrivateParameters: false);
        return new
        {
            keys = new[]
            {
                new
                {
                    kty = "EC",
                    crv = "P-256",
                    alg = "ES256",
                    use = "sig",
                    kid = _securityKey.KeyId,
                    x = Base64UrlEncoder.Encode(p.Q.X),
                    y = Base64UrlEncoder.Encode(p.Q.Y),
                },
            },
        };
    }

    public void Dispose() => _key.Dispose();
}
