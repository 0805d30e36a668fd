namespace SmartBranch.Kernel.Authorization;

/// <summary>
/// Scopes a city system's API client may be granted beyond the general API scope, one per narrow power (switching
/// disaster mode). Each is also the name of the policy its endpoints require: a token of the route's tenant that
/// holds the scope.
/// </summary>
public static class ApiScopes
{
    /// <summary>Switching disaster mode (防災モード) from the city's disaster system.</summary>
    public const string DisasterMode = "smartbranch.disaster-mode";

    public static readonly IReadOnlyList<string> All = [DisasterMode];
}
