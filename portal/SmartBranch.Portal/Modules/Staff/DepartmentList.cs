namespace SmartBranch.Portal.Modules.Staff;

/// <summary>Departments typed as one line, separated by commas or Japanese 読点.</summary>
internal static class DepartmentList
{
    public static IReadOnlyList<string> Parse(string? text) =>
        (text ?? "").Split([',', '、', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    public static string Format(IEnumerable<string> departments) => string.Join("、", departments);
}
