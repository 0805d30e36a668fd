namespace SmartBranch.Kernel.ResidentPages;

/// <summary>The style sheet and scripts every resident page shares, embedded in the kernel.</summary>
internal static class ResidentPageAssets
{
    public static readonly string StyleSheet = Read("resident.css");
    public static readonly string SessionScript = Read("liff-session.js");

    private static string Read(string name) => EmbeddedAsset.Read(typeof(ResidentPageAssets).Assembly, $"SmartBranch.Kernel.ResidentPages.Assets.{name}");
}
