namespace SmartBranch.Modules.Residents.Segments.Editing;

/// <summary>What changes from one catalogue to another, one Japanese line per change, for review before promotion.</summary>
public static class SegmentCatalogDiff
{
    public static IReadOnlyList<string> Describe(EditableSegmentCatalog from, EditableSegmentCatalog to)
    {
        var changes = new List<string>();
        if (from.Consent?.Version != to.Consent?.Version)
        {
            changes.Add($"同意文の版: {from.Consent?.Version ?? "なし"} → {to.Consent?.Version ?? "なし"}（住民にもう一度同意をお願いします）");
        }
        else if (from.Consent != to.Consent)
        {
            changes.Add("同意文の本文を変更（版は同じ）");
        }

        var before = from.Attributes.ToDictionary(a => a.Key, StringComparer.Ordinal);
        var after = to.Attributes.ToDictionary(a => a.Key, StringComparer.Ordinal);
        foreach (var attribute in to.Attributes.Where(a => !before.ContainsKey(a.Key)))
        {
            changes.Add($"属性を追加: 「{attribute.NameJa}」（{attribute.Key}、選択肢 {attribute.Values.Count} 件）");
        }

        foreach (var attribute in from.Attributes.Where(a => !after.ContainsKey(a.Key)))
        {
            changes.Add($"属性を削除: 「{attribute.NameJa}」（{attribute.Key}）");
        }

        foreach (var attribute in to.Attributes.Where(a => before.ContainsKey(a.Key)))
        {
            DescribeAttribute(before[attribute.Key], attribute, changes);
        }

        var commonBefore = from.Attributes.Select(a => a.Key).Where(after.ContainsKey).ToList();
        var commonAfter = to.Attributes.Select(a => a.Key).Where(before.ContainsKey).ToList();
        if (!commonBefore.SequenceEqual(commonAfter, StringComparer.Ordinal))
        {
            changes.Add("属性の並び順を変更");
        }

        return changes;
    }

    private static void DescribeAttribute(EditableSegmentAttribute from, EditableSegmentAttribute to, List<string> changes)
    {
        var where = $"属性「{to.NameJa}」";
        if (from.NameJa != to.NameJa || from.NameEn != to.NameEn)
        {
            changes.Add($"{where}: 名前を変更（{from.NameJa} / {from.NameEn} → {to.NameJa} / {to.NameEn}）");
        }

        if (from.MultipleChoice != to.MultipleChoice)
        {
            changes.Add($"{where}: {(to.MultipleChoice ? "複数選択できるように変更" : "1 つだけ選ぶように変更")}");
        }

        var before = from.Values.ToDictionary(v => v.Key, StringComparer.Ordinal);
        var after = to.Values.ToDictionary(v => v.Key, StringComparer.Ordinal);
        foreach (var value in to.Values)
        {
            if (!before.TryGetValue(value.Key, out var old))
            {
                changes.Add($"{where}: 選択肢を追加「{value.NameJa}」（{value.Key}）");
                continue;
            }

            if (old.NameJa != value.NameJa || old.NameEn != value.NameEn)
            {
                changes.Add($"{where}: 選択肢の名前を変更（{old.NameJa} → {value.NameJa}）");
            }

            if (old.Hidden != value.Hidden)
            {
                changes.Add($"{where}: 選択肢「{value.NameJa}」を{(value.Hidden ? "非表示に" : "再表示")}");
            }
        }

        foreach (var value in from.Values.Where(v => !after.ContainsKey(v.Key)))
        {
            changes.Add($"{where}: 選択肢を削除「{value.NameJa}」（{value.Key}）");
        }

        if (!from.Values.Select(v => v.Key).Where(after.ContainsKey).SequenceEqual(to.Values.Select(v => v.Key).Where(before.ContainsKey), StringComparer.Ordinal))
        {
            changes.Add($"{where}: 選択肢の並び順を変更");
        }
    }
}
