namespace SmartBranch.Identity.Bootstrap;

/// <summary>The <c>--name value</c> options of the server's commands.</summary>
internal static class CommandLineOptions
{
    public static string? Value(IReadOnlyList<string> args, string name)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
    }
}
