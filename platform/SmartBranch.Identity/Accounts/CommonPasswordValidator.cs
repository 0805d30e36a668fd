using Microsoft.AspNetCore.Identity;

namespace SmartBranch.Identity.Accounts;

/// <summary>
/// Refuses passwords from a list of the most common ones and passwords that contain the e-mail's
/// local part. Length does the rest (NIST SP 800-63B: no composition rules).
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<StaffAccount>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<StaffAccount> manager, StaffAccount user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lowered = password.ToLowerInvariant();
        var localPart = user.Email?.Split('@')[0].ToLowerInvariant();
        if (Common.Value.Contains(lowered) || IsRepetitive(lowered) || (localPart is { Length: >= 4 } && lowered.Contains(localPart, StringComparison.Ordinal)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "推測されやすいパスワードです。別のパスワードにしてください。",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static bool IsRepetitive(string password) => password.Distinct().Count() <= 3;

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("SmartBranch.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words;
    }
}
