namespace SmartBranch.Kernel.Tenancy;

/// <summary>
/// Onboarding and running tenants from the super-admin console. Tenants created here live in the
/// database (those defined in <c>tenants/</c> files are recorded there too); LINE channel secrets and
/// tokens are stored encrypted with ASP.NET Core Data Protection. Every change is audited.
/// </summary>
public interface ITenantAdministration
{
    /// <exception cref="TenantAdministrationException">Bad or taken slug, missing names.</exception>
    Task<TenantDefinition> CreateAsync(NewTenant tenant, CancellationToken cancellationToken);

    /// <summary>Sets an environment's LINE channel; takes effect without a restart.</summary>
    /// <exception cref="TenantAdministrationException">Unknown tenant or environment, emulator mode for production, bad URLs.</exception>
    Task UpdateLineChannelAsync(string tenantSlug, string environmentName, LineChannelInput channel, CancellationToken cancellationToken);

    /// <summary>Calls LINE's bot-info API with the environment's token: what an operator does after pasting credentials.</summary>
    Task<LineConnectionTestResult> TestLineConnectionAsync(string tenantSlug, string environmentName, CancellationToken cancellationToken);

    /// <exception cref="TenantAdministrationException">Unknown tenant, or archived (archiving is final).</exception>
    Task SetStatusAsync(string tenantSlug, TenantStatus status, string reason, CancellationToken cancellationToken);

    /// <summary>The URL to paste into the LINE Developers console for an environment.</summary>
    Uri WebhookUrl(string tenantSlug, string environmentName);
}

public sealed record NewTenant(string Slug, string Name, string NameEn, IReadOnlyList<string> Environments);

/// <summary>A LINE channel as an operator enters it and the console stores it; on update, a null secret or token keeps the stored one.</summary>
public sealed record LineChannelInput(
    LineMode Mode,
    string? ChannelId,
    string? ChannelSecret,
    string? ChannelAccessToken,
    Uri? ApiBaseUrl,
    Uri? DataApiBaseUrl,
    string? LoginChannelId,
    string? LiffId);

/// <param name="Message">Plain Japanese for the operator (e.g. why LINE refused the token).</param>
public sealed record LineConnectionTestResult(bool Succeeded, int? StatusCode, string? BotDisplayName, string? BotBasicId, string Message, string? LineRequestId);

public sealed class TenantAdministrationException : Exception
{
    public TenantAdministrationException() { }

    public TenantAdministrationException(string message) : base(message) { }

    public TenantAdministrationException(string message, Exception innerException) : base(message, innerException) { }
}
