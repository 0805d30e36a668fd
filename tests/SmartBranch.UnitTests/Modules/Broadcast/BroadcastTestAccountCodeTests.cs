using SmartBranch.Modules.Broadcast.Domain;

namespace SmartBranch.UnitTests.Modules.Broadcast;

public sealed class BroadcastTestAccountCodeTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_code_is_eight_characters_without_look_alikes_and_lasts_ten_minutes()
    {
        var code = BroadcastTestAccountCode.Issue("user-1", "平川 花子", Now);

        Assert.Matches("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$", code.Code);
        Assert.False(code.IsExpiredAt(Now.AddMinutes(10).AddTicks(-1)));
        Assert.True(code.IsExpiredAt(Now.AddMinutes(10)));
        Assert.NotEqual(code.Code, BroadcastTestAccountCode.Issue("user-1", "平川 花子", Now).Code);
    }

    [Theory]
    [InlineData("K7QP-M2XD", "K7QP-M2XD")]
    [InlineData(" k7qp-m2xd\n", "K7QP-M2XD")]
    [InlineData("Ｋ７ＱＰ－Ｍ２ＸＤ", "K7QP-M2XD")]
    [InlineData("K7QPーM2XD", "K7QP-M2XD")]
    public void A_code_is_recognized_as_phones_type_it(string message, string expected) =>
        Assert.Equal(expected, BroadcastTestAccountCode.Recognize(message));

    [Theory]
    [InlineData("こんにちは")]
    [InlineData("K7QPM2XD")]
    [InlineData("ごみの日 K7QP-M2XD")]
    [InlineData("2026-1101")]
    public void Ordinary_messages_are_not_taken_for_codes(string message) =>
        Assert.Null(BroadcastTestAccountCode.Recognize(message));
}
