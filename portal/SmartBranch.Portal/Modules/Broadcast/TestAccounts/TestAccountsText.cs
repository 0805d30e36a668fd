namespace SmartBranch.Portal.Modules.Broadcast.TestAccounts;

/// <summary>Test recipients' and test sends' texts: <c>TestAccountsText.resx</c> (Japanese) and <c>TestAccountsText.en.resx</c>.</summary>
public sealed class TestAccountsText;
