using SmartBranch.Kernel.Authorization;

namespace SmartBranch.Modules.RichMenus.Domain;

internal static class RichMenuStaff
{
    /// <summary>The signed-in staff member's id, when they hold <paramref name="permission"/>.</summary>
    /// <exception cref="RichMenuForbiddenException">Nobody is signed in, or they lack the permission.</exception>
    public static string Require(this ICurrentStaff staff, string permission) =>
        staff.UserId is { } userId && staff.HasPermission(permission)
            ? userId
            : throw new RichMenuForbiddenException($"この操作には権限「{permission}」が必要です。");
}
