using SmartBranch.Modules.Applications.Catalog;

namespace SmartBranch.Modules.Applications.Domain;

/// <summary>What an application costs, in yen: the fee per copy times the copies, plus the postage once.</summary>
public sealed record ApplicationAmount(int FeePerCopy, int Copies, int Postage)
{
    public int Fees => FeePerCopy * Copies;

    public int Total => Fees + Postage;

    /// <exception cref="ApplicationRuleException">The copies are outside the type's range or the postage is not one the type allows.</exception>
    public static ApplicationAmount From(ApplicationType type, int copies, PostageOption postage)
    {
        if (copies < 1 || copies > type.MaxCopies)
        {
            throw new ApplicationRuleException($"通数は 1 から {type.MaxCopies} までで指定してください。");
        }

        if (!type.PostageKeys.Contains(postage.Key))
        {
            throw new ApplicationRuleException($"{type.NameJa}は「{postage.Name}」では送れません。");
        }

        return new ApplicationAmount(type.FeePerCopy, copies, postage.Fee);
    }
}
