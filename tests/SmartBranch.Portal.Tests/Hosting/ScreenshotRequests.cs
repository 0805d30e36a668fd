using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SmartBranch.Portal.Tests.Hosting;

/// <summary>
/// TEST DOUBLE for a browser that cannot set headers or cookies: while screenshots are taken,
/// <c>?as=</c>, <c>env=</c> and <c>lang=</c> become the test sign-in header and the preference cookies.
/// </summary>
internal sealed class ScreenshotRequests : IStartupFilter
{
    public static bool Enabled { get; set; }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (Enabled)
            {
                Apply(context.Request);
            }

            return nextMiddleware(context);
        });
        next(app);
    };

    private static void Apply(HttpRequest request)
    {
        if (request.Query["as"] is [{ } persona])
        {
            request.Headers[TestAuthenticationHandler.Header] = persona;
        }

        var cookies = new List<string>();
        if (request.Query["env"] is [{ } environment])
        {
            cookies.Add($"SmartBranch.Environment={environment}");
        }

        if (request.Query["lang"] is [{ } language])
        {
            cookies.Add($".AspNetCore.Culture=c%3D{language}%7Cuic%3D{language}");
        }

        if (cookies.Count > 0)
        {
            request.Headers.Cookie = string.Join("; ", cookies.Append(request.Headers.Cookie.ToString()).Where(c => c.Length > 0));
        }
    }
}
