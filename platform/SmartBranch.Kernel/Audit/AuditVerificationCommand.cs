using Microsoft.Extensions.DependencyInjection;

namespace SmartBranch.Kernel.Audit;

/// <summary><c>dotnet run --project platform/SmartBranch.Server -- verify-audit</c>.</summary>
public static class AuditVerificationCommand
{
    public const string Name = "verify-audit";

    /// <returns>The process exit code: 0 when every chain is intact, 1 otherwise.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(cancellationToken);
        await output.WriteLineAsync(result.ToString());
        return result.IsIntact ? 0 : 1;
    }
}
