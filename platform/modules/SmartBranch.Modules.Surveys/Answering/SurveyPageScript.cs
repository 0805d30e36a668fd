namespace SmartBranch.Modules.Surveys.Answering;

/// <summary>The survey page's script (<c>Assets/surveys.js</c>), embedded in the module.</summary>
internal static class SurveyPageScript
{
    public static readonly string Source = Read();

    private static string Read()
    {
        using var stream = typeof(SurveyPageScript).Assembly.GetManifestResourceStream("SmartBranch.Modules.Surveys.Assets.surveys.js")
            ?? throw new InvalidOperationException("The survey page script is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
