using SmartBranch.Line.Messages;
using SmartBranch.Modules.Residents.Welcome;

namespace SmartBranch.UnitTests.Modules.Residents;

public sealed class WelcomeMessagesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tenant-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Hirakawa_welcomes_new_friends_in_Japanese()
    {
        var messages = WelcomeMessages.Load(Path.Combine(AppContext.BaseDirectory, "tenants", "hirakawa"));

        var first = Assert.IsType<TextMessage>(messages[0]);
        Assert.Contains("平川市", first.Text, StringComparison.Ordinal);
        Assert.InRange(messages.Count, 1, 5);
        Assert.Contains(messages, m => ((TextMessage)m).Text.Contains(WelcomeMessages.PreferencesUrlPlaceholder, StringComparison.Ordinal));
    }

    [Fact]
    public void More_than_five_messages_are_refused_as_LINE_would()
    {
        File.WriteAllText(Path.Combine(_directory, "residents.yml"), "welcomeMessages: [a, b, c, d, e, f]");

        var error = Assert.Throws<InvalidOperationException>(() => WelcomeMessages.Load(_directory));

        Assert.Contains("1 to 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_over_LINEs_length_limit_is_refused()
    {
        File.WriteAllText(Path.Combine(_directory, "residents.yml"), $"welcomeMessages: [{new string('あ', 5001)}]");

        var error = Assert.Throws<InvalidOperationException>(() => WelcomeMessages.Load(_directory));

        Assert.Contains("5000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tenant_without_a_welcome_file_is_told_what_to_add()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WelcomeMessages.Load(_directory));

        Assert.Contains("residents.yml", error.Message, StringComparison.Ordinal);
    }
}
