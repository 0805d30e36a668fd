namespace SmartBranch.Modules.Surveys.PublicComments.Domain;

/// <summary>What a case may require an opinion to carry besides its text (chosen per case).</summary>
public enum PublicCommentIdentityField
{
    /// <summary>氏名（法人・団体は名称と代表者名）.</summary>
    Name,

    /// <summary>住所（法人・団体は所在地）.</summary>
    Address,

    /// <summary>電話番号.</summary>
    Phone,

    /// <summary>区分: why the sender may comment (市内在住・在勤・在学・事業所・利害関係).</summary>
    Category,
}
