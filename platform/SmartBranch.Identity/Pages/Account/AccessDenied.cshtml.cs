namespace SmartBranch.Identity.Pages.Account;

internal sealed class AccessDeniedModel : AccountPageModel;
