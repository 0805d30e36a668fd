using SmartBranch.Tests.Shared;

namespace SmartBranch.ArchitectureTests.Deployment;

/// <summary>
/// Terraform cannot be installed here, so <c>tests/terraform-check</c> parses every <c>terraform/*.tf</c> with
/// <c>@cdktf/hcl2json</c> and checks region, encryption, backups, deletion protection, secrets and alarms.
/// </summary>
public sealed class TerraformTests
{
    [Fact]
    public Task The_AWS_deployment_keeps_data_in_Japan_encrypted_backed_up_and_protected() =>
        NodeTestPackage.Find("terraform-check").RunTestsAsync(new Dictionary<string, string>(), TimeSpan.FromMinutes(2));
}
