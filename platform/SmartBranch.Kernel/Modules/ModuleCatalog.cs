namespace SmartBranch.Kernel.Modules;

/// <summary>The modules this host runs, in dependency order.</summary>
public sealed class ModuleCatalog
{
    private ModuleCatalog(IReadOnlyList<ISmartBranchModule> modules) => Modules = modules;

    public IReadOnlyList<ISmartBranchModule> Modules { get; }

    /// <exception cref="InvalidOperationException">A module depends on one that is not listed, or two share an id.</exception>
    public static ModuleCatalog From(IEnumerable<Type> moduleTypes)
    {
        var modules = moduleTypes
            .Select(t => (ISmartBranchModule)(Activator.CreateInstance(t)
                ?? throw new InvalidOperationException($"Module {t.Name} could not be created.")))
            .ToList();

        var duplicate = modules.GroupBy(m => m.Descriptor.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Module id '{duplicate.Key}' is registered twice.");
        }

        var ids = modules.Select(m => m.Descriptor.Id).ToHashSet();
        foreach (var module in modules)
        {
            var missing = module.Descriptor.DependsOn.Where(d => !ids.Contains(d)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Module '{module.Descriptor.Id}' depends on '{string.Join("', '", missing)}', which is not registered.");
            }
        }

        return new ModuleCatalog(SortByDependencies(modules));
    }

    private static List<ISmartBranchModule> SortByDependencies(List<ISmartBranchModule> modules)
    {
        var byId = modules.ToDictionary(m => m.Descriptor.Id);
        var sorted = new List<ISmartBranchModule>();
        var state = new Dictionary<string, bool>(); // false: visiting, true: done

        void Visit(ISmartBranchModule module)
        {
            if (state.TryGetValue(module.Descriptor.Id, out var done))
            {
                if (!done)
                {
                    throw new InvalidOperationException($"Module '{module.Descriptor.Id}' is part of a dependency cycle.");
                }

                return;
            }

            state[module.Descriptor.Id] = false;
            foreach (var dependency in module.Descriptor.DependsOn)
            {
                Visit(byId[dependency]);
            }

            state[module.Descriptor.Id] = true;
            sorted.Add(module);
        }

        modules.ForEach(Visit);
        return sorted;
    }
}
