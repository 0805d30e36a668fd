using SmartBranch.Modules.Applications.Processing;

namespace SmartBranch.UnitTests.Modules.Applications;

public sealed class IdentityTextNormalizerTests
{
    [Theory]
    [InlineData("平川 太郎", "平川　太郎")]
    [InlineData("平川太郎", "平川　太郎")]
    [InlineData("ﾋﾗｶﾜ ﾀﾛｳ", "ヒラカワ　タロウ")]
    [InlineData("ＳＭＩＴＨ　ＪＯＨＮ", "SMITH JOHN")]
    [InlineData("ローソン花子", "ローソン　花子")]
    public void Names_written_with_other_widths_or_spaces_are_the_same(string entered, string certified) =>
        Assert.True(IdentityTextNormalizer.SameName(entered, certified));

    [Theory]
    [InlineData("平川 次郎", "平川　太郎")]
    [InlineData("高橋一郎", "髙橋一郎")]
    [InlineData("", "平川　太郎")]
    public void Different_names_and_variant_kanji_are_flagged(string entered, string certified) =>
        Assert.False(IdentityTextNormalizer.SameName(entered, certified));

    [Theory]
    [InlineData("青森県平川市柏木町藤山25-6", "青森県平川市柏木町藤山二十五番地六")]
    [InlineData("青森県平川市柏木町藤山２５－６", "青森県平川市柏木町藤山二十五番地六")]
    [InlineData("青森県平川市柏木町藤山25ー6", "青森県平川市柏木町藤山25番地6")]
    [InlineData("平川市柏木町藤山25-6", "青森県平川市柏木町藤山二十五番地六")]
    [InlineData("青森県平川市本町1-2-3", "青森県平川市本町一丁目2番3号")]
    [InlineData("青森県平川市本町1丁目2番地", "青森県平川市本町一丁目二番地")]
    [InlineData("青森県平川市本町105", "青森県平川市本町百五番地")]
    [InlineData("青森県平川市本町105", "青森県平川市本町一〇五")]
    [InlineData("青森県 平川市 本町 3", "青森県平川市本町三番地")]
    public void Addresses_that_differ_only_in_how_the_banchi_is_written_are_the_same(string entered, string certified) =>
        Assert.True(IdentityTextNormalizer.SameAddress(entered, certified));

    [Theory]
    [InlineData("青森県平川市柏木町藤山25-7", "青森県平川市柏木町藤山二十五番地六")]
    [InlineData("青森県弘前市柏木町藤山25-6", "青森県平川市柏木町藤山二十五番地六")]
    [InlineData("柏木町藤山25-6", "青森県平川市柏木町藤山二十五番地六")]
    [InlineData("青森県平川市本町1-23", "青森県平川市本町十二番地三")]
    [InlineData("", "青森県平川市本町一丁目")]
    public void A_different_banchi_town_or_a_missing_city_is_flagged(string entered, string certified) =>
        Assert.False(IdentityTextNormalizer.SameAddress(entered, certified));

    [Theory]
    [InlineData("一丁目二番地三号", "1-2-3")]
    [InlineData("二十三番地", "23")]
    [InlineData("千二百三十四", "1234")]
    [InlineData("十", "10")]
    [InlineData("ｱｵﾓﾘ ３丁目", "アオモリ3")]
    public void The_normal_form_of_an_address_reads_as_documented(string address, string expected) =>
        Assert.Equal(expected, IdentityTextNormalizer.Address(address));
}
