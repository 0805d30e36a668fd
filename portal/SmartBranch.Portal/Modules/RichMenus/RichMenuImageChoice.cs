namespace SmartBranch.Portal.Modules.RichMenus;

/// <summary>An image staff chose for a new menu, before it is stored: shown from memory.</summary>
public sealed record RichMenuImageChoice(byte[] Bytes, int Width, int Height)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47];

    public string DataUrl =>
        $"data:{(Bytes.AsSpan().StartsWith(PngSignature) ? "image/png" : "image/jpeg")};base64,{Convert.ToBase64String(Bytes)}";
}
