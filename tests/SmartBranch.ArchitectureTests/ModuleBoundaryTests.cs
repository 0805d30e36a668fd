using System.Reflection;
using SmartBranch.Kernel.Messaging;
using SmartBranch.Kernel.Modules;

namespace SmartBranch.ArchitectureTests;

/// <summary>The boundaries of ARCHITECTURE.md and STYLE.md, checked on the compiled assemblies.</summary>
public sealed class ModuleBoundaryTests
{
    private const string Kernel = "SmartBranch.Kernel";
    private const string Line = "SmartBranch.Line";
    private const string PaymentGateways = "SmartBranch.Payments";

    /// <summary>The JPKI seams (signing and verification), a platform library like the LINE client.</summary>
    private const string Jpki = "SmartBranch.Jpki";

    private static readonly IReadOnlyList<Assembly> Modules = ServerAssemblies()
        .Where(a => a.GetName().Name!.StartsWith("SmartBranch.Modules.", StringComparison.Ordinal) && !IsContracts(a))
        .ToList();

    private static readonly IReadOnlyList<Assembly> Contracts = ServerAssemblies().Where(IsContracts).ToList();

    [Fact]
    public void The_server_runs_modules_and_their_contracts()
    {
        Assert.Contains(Modules, m => m.GetName().Name == "SmartBranch.Modules.Residents");
        Assert.Contains(Contracts, c => c.GetName().Name == "SmartBranch.Modules.Residents.Contracts");
    }

    [Fact]
    public void Modules_reference_only_the_kernel_the_LINE_JPKI_and_payment_libraries_and_other_modules_contracts()
    {
        var violations = Modules
            .SelectMany(m => SmartBranchReferences(m)
                .Where(r => r != Kernel && r != Line && r != Jpki && r != PaymentGateways && !r.EndsWith(".Contracts", StringComparison.Ordinal))
                .Select(r => $"{m.GetName().Name} → {r}"))
            .ToList();

        Assert.Empty(violations);
    }

    [Fact]
    public void Contracts_reference_only_the_kernel()
    {
        var violations = Contracts
            .SelectMany(c => SmartBranchReferences(c).Where(r => r != Kernel).Select(r => $"{c.GetName().Name} → {r}"))
            .ToList();

        Assert.Empty(violations);
    }

    [Theory]
    [InlineData("SmartBranch.Kernel", new[] { "SmartBranch.Line" })]
    [InlineData("SmartBranch.Line", new string[0])]
    [InlineData("SmartBranch.Identity", new[] { "SmartBranch.Kernel" })]
    [InlineData("SmartBranch.Payments", new[] { "SmartBranch.Kernel" })]
    [InlineData("SmartBranch.LineEmulator", new string[0])] // Independent of our client, so their bugs cannot cancel out.
    [InlineData("SmartBranch.Jpki", new string[0])] // The same verifier for the sandbox and a real card, knowing neither the emulator nor tenancy.
    public void Platform_assemblies_reference_nothing_above_them(string assembly, string[] allowed)
    {
        var references = SmartBranchReferences(Assembly.Load(assembly));

        Assert.Empty(references.Except(allowed));
    }

    [Fact]
    public void Integration_events_are_past_tense_records_in_contracts_or_the_kernel()
    {
        var events = Contracts.Append(typeof(IntegrationEvent).Assembly)
            .Concat(Modules)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsSubclassOf(typeof(IntegrationEvent)))
            .ToList();

        Assert.Contains(events, e => e.Name == "ResidentFollowedIntegrationEvent");
        Assert.All(events, e =>
        {
            Assert.EndsWith("IntegrationEvent", e.Name, StringComparison.Ordinal);
            Assert.True(IsContracts(e.Assembly) || e.Assembly == typeof(IntegrationEvent).Assembly, $"{e.Name} must live in a .Contracts assembly.");
            Assert.True(e.IsSealed, $"{e.Name} must be sealed: a subscriber of one event must not receive another.");
        });
    }

    [Fact]
    public void Each_module_has_one_entry_point_named_after_it_with_a_lower_case_id()
    {
        Assert.All(Modules, module =>
        {
            var entry = Assert.Single(module.GetTypes(), t => typeof(ISmartBranchModule).IsAssignableFrom(t) && !t.IsAbstract);
            var name = module.GetName().Name!["SmartBranch.Modules.".Length..];
            Assert.Equal($"{name}Module", entry.Name);
            var id = ((ISmartBranchModule)Activator.CreateInstance(entry)!).Descriptor.Id;
            Assert.Equal(name.ToLowerInvariant(), id);
        });
    }

    private static bool IsContracts(Assembly assembly) => assembly.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal);

    private static List<string> SmartBranchReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(n => n.StartsWith("SmartBranch.", StringComparison.Ordinal))
            .ToList();

    /// <summary>Every SmartBranch assembly the server loads, directly or through another.</summary>
    private static List<Assembly> ServerAssemblies()
    {
        var found = new Dictionary<string, Assembly>();
        var pending = new Queue<Assembly>([typeof(Program).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var name in SmartBranchReferences(assembly).Where(n => !found.ContainsKey(n)))
            {
                found[name] = Assembly.Load(name);
                pending.Enqueue(found[name]);
            }
        }

        return [.. found.Values];
    }
}
