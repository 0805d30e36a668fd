namespace SmartBranch.Portal.Modules.Staff;

/// <summary>Staff management's texts: <c>StaffText.resx</c> (Japanese) and <c>StaffText.en.resx</c>.</summary>
public sealed class StaffText;
