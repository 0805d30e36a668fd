namespace SmartBranch.Modules.Residents.Segments.Editing;

/// <summary>
/// The rules <c>segments.yml</c> must follow (<see cref="SegmentCatalogFiles"/>), told in Japanese to the staff member
/// editing the catalogue in the portal, with the attribute or value each problem is about.
/// </summary>
public static class SegmentCatalogRules
{
    public static IReadOnlyList<string> Validate(EditableSegmentCatalog catalog)
    {
        var problems = new List<string>();
        if (catalog.Attributes.Count > 0 && catalog.Consent is null)
        {
            problems.Add("同意文を入力してください（住民は属性を登録するときに同意します）。");
        }

        if (catalog.Consent is { } consent)
        {
            RequireText(consent.Version, "同意文の版", problems);
            RequireText(consent.TextJa, "同意文（日本語）", problems);
            RequireText(consent.TextEn, "同意文（英語）", problems);
        }

        CheckKeys(catalog.Attributes.Select(a => a.Key), "属性", problems);
        foreach (var (attribute, index) in catalog.Attributes.Select((a, i) => (a, i)))
        {
            var where = $"属性「{(string.IsNullOrWhiteSpace(attribute.NameJa) ? $"{index + 1} 番目" : attribute.NameJa.Trim())}」";
            RequireText(attribute.NameJa, $"{where}の名前（日本語）", problems);
            RequireText(attribute.NameEn, $"{where}の名前（英語）", problems);
            if (attribute.Values.Count == 0)
            {
                problems.Add($"{where}に選択肢がありません。");
            }

            CheckKeys(attribute.Values.Select(v => v.Key), $"{where}の選択肢", problems);
            foreach (var (value, valueIndex) in attribute.Values.Select((v, i) => (v, i)))
            {
                var valueWhere = $"{where}の選択肢「{(string.IsNullOrWhiteSpace(value.NameJa) ? $"{valueIndex + 1} 番目" : value.NameJa.Trim())}」";
                RequireText(value.NameJa, $"{valueWhere}の名前（日本語）", problems);
                RequireText(value.NameEn, $"{valueWhere}の名前（英語）", problems);
            }
        }

        return problems;
    }

    private static void CheckKeys(IEnumerable<string?> keys, string what, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!SegmentKey.IsValid(key))
            {
                problems.Add($"{what}のキー「{key}」は、英小文字・数字・ハイフンで 1〜{SegmentKey.MaxLength} 文字にしてください（先頭にハイフンは使えません）。");
            }
            else if (!seen.Add(key!))
            {
                problems.Add($"{what}のキー「{key}」が 2 回使われています。");
            }
        }
    }

    private static void RequireText(string? text, string what, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{what}を入力してください。");
        }
    }
}
