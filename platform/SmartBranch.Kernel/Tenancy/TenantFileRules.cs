namespace SmartBranch.Kernel.Tenancy;

/// <summary>
/// Checks the modules' tenant files (<c>tenants/{slug}/*.yml</c>) share: stable keys and required texts, each
/// mistake added to the file's list of errors so that one start-up names them all.
/// </summary>
public static class TenantFileRules
{
    /// <summary>Keys are stored with records, so they must be short, plain and unique.</summary>
    public static void CheckKeys(IEnumerable<string?> keys, string what, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(errors);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key is not { Length: >= 1 and <= 40 } || !key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                errors.Add($"{what} key '{key}' must be 1–40 lower-case letters, digits or hyphens.");
            }
            else if (!seen.Add(key))
            {
                errors.Add($"{what} key '{key}' is used twice.");
            }
        }
    }

    public static void RequireText(string? text, string what, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{what} is missing.");
        }
    }
}
