using SmartBranch.Kernel.Tenancy;

namespace SmartBranch.Portal.Tests.TestDoubles;

internal static class TestTenants
{
    public const string StagingSecret = "staging-secret-never-shown-0f1e2d3c";
    public const string StagingToken = "staging-token-never-shown-a1b2c3d4";

    public static readonly TenantLineSettings ProductionLine = new(
        LineMode.Line, "2000000002", null, null, new Uri("https://api.line.me"), new Uri("https://api-data.line.me"), null, null);

    public static readonly TenantLineSettings StagingLine = new(
        LineMode.Emulator, "2000000001", StagingSecret, StagingToken, new Uri("http://localhost:5081"), new Uri("http://localhost:5081"), null, null);

    public static readonly TenantDefinition Hirakawa = new(
        "hirakawa", "平川市", "Hirakawa City", "", [new("production", ProductionLine), new("staging", StagingLine)]);

    public static TenantContext In(string environment) => new(Hirakawa, Hirakawa.FindEnvironment(environment)!);
}
