namespace SmartBranch.Portal.Modules.Payments;

/// <summary>The payments screen's texts: <c>PaymentsText.resx</c> (Japanese) and <c>PaymentsText.en.resx</c>.</summary>
public sealed class PaymentsText;
