using System.Reflection;

namespace SmartBranch.Kernel.ResidentPages;

/// <summary>A script or style sheet a resident page serves, embedded in the assembly that owns the page.</summary>
public static class EmbeddedAsset
{
    /// <exception cref="InvalidOperationException">The project does not embed <paramref name="resourceName"/>.</exception>
    public static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The asset {resourceName} is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
