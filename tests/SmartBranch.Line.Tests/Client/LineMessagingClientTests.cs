using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using SmartBranch.Line.Client;
using SmartBranch.Line.Messages;

namespace SmartBranch.Line.Tests.Client;

public sealed class LineMessagingClientTests : IDisposable
{
    private static readonly Guid RetryKey = Guid.Parse("123e4567-e89b-12d3-a456-426614174000");
    private static readonly LineMessage[] HelloWorld = [new TextMessage("Hello, world1"), new TextMessage("Hello, world2")];

    private readonly LineClientHarness _harness = new();
    private readonly ILineMessagingClient _client;

    public LineMessagingClientTests() => _client = _harness.Client();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Reply_posts_LINEs_reply_body_with_the_channel_token_and_no_retry_key()
    {
        await _harness.Complete(_client.ReplyAsync("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", [new TextMessage("Hello, user"), new TextMessage("May I help you?")]));

        var request = Assert.Single(_harness.Api.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://api.line.me/v2/bot/message/reply"), request.Uri);
        Assert.Equal("Bearer channel-access-token", request.Authorization);
        Assert.Null(request.RetryKey);
        JsonAssert.Equivalent(
            """
            {
              "replyToken": "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA",
              "messages": [ { "type": "text", "text": "Hello, user" }, { "type": "text", "text": "May I help you?" } ]
            }
            """,
            request.Body!);
    }

    [Fact]
    public async Task Push_posts_LINEs_push_body_with_the_retry_key()
    {
        _harness.Api.Then(HttpStatusCode.OK, """{"sentMessages":[{"id":"461230966842064897"}]}""", requestId: "req-push-1");

        var result = await _harness.Complete(_client.PushAsync("U4af4980629", HelloWorld, RetryKey));

        var request = Assert.Single(_harness.Api.Requests);
        Assert.Equal(new Uri("https://api.line.me/v2/bot/message/push"), request.Uri);
        Assert.Equal("Bearer channel-access-token", request.Authorization);
        Assert.Equal("123e4567-e89b-12d3-a456-426614174000", request.RetryKey);
        JsonAssert.Equivalent(
            """{"to":"U4af4980629","messages":[{"type":"text","text":"Hello, world1"},{"type":"text","text":"Hello, world2"}]}""",
            request.Body!);
        Assert.Equal(new LineSendResult("req-push-1", AlreadyAccepted: false), result);
    }

    [Fact]
    public async Task Multicast_posts_LINEs_multicast_body_with_the_retry_key()
    {
        await _harness.Complete(_client.MulticastAsync(["U4af4980629", "U0c229f96c4"], HelloWorld, RetryKey));

        var request = Assert.Single(_harness.Api.Requests);
        Assert.Equal(new Uri("https://api.line.me/v2/bot/message/multicast"), request.Uri);
        Assert.Equal("123e4567-e89b-12d3-a456-426614174000", request.RetryKey);
        JsonAssert.Equivalent(
            """{"to":["U4af4980629","U0c229f96c4"],"messages":[{"type":"text","text":"Hello, world1"},{"type":"text","text":"Hello, world2"}]}""",
            request.Body!);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public async Task Multicast_refuses_an_audience_LINE_would_refuse(int recipients)
    {
        var to = Enumerable.Range(0, recipients).Select(i => $"U{i:x32}").ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.MulticastAsync(to, HelloWorld, RetryKey));

        Assert.Equal("to", error.ParamName);
        Assert.Contains("1 to 500 user ids", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.Api.Requests);
    }

    [Fact]
    public async Task Multicast_takes_500_recipients()
    {
        var to = Enumerable.Range(0, 500).Select(i => $"U{i:x32}").ToList();

        await _harness.Complete(_client.MulticastAsync(to, HelloWorld, RetryKey));

        Assert.Single(_harness.Api.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task Sends_refuse_a_message_count_LINE_would_refuse(int count)
    {
        var messages = Enumerable.Range(0, count).Select(i => (LineMessage)new TextMessage($"{i}")).ToList();

        var errors = new[]
        {
            await Assert.ThrowsAsync<ArgumentException>(() => _client.ReplyAsync("reply-token", messages)),
            await Assert.ThrowsAsync<ArgumentException>(() => _client.PushAsync("U4af4980629", messages, RetryKey)),
            await Assert.ThrowsAsync<ArgumentException>(() => _client.MulticastAsync(["U4af4980629"], messages, RetryKey)),
        };

        Assert.All(errors, e => Assert.Equal("messages", e.ParamName));
        Assert.All(errors, e => Assert.Contains("1 to 5 messages", e.Message, StringComparison.Ordinal));
        Assert.Empty(_harness.Api.Requests);
    }

    [Fact]
    public async Task Push_refuses_an_empty_retry_key()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.PushAsync("U4af4980629", HelloWorld, Guid.Empty));

        Assert.Equal("retryKey", error.ParamName);
        Assert.Empty(_harness.Api.Requests);
    }

    [Fact]
    public async Task Conflict_on_the_retry_key_means_LINE_had_already_accepted_the_push()
    {
        _harness.Api.Then(
            HttpStatusCode.Conflict,
            """{"message":"The retry key is already accepted","sentMessages":[{"id":"461230966842064897"}]}""",
            requestId: "req-conflict",
            headers: ("x-line-accepted-request-id", "req-accepted-earlier"));

        var result = await _harness.Complete(_client.PushAsync("U4af4980629", HelloWorld, RetryKey));

        Assert.Equal(new LineSendResult("req-accepted-earlier", AlreadyAccepted: true), result);
        Assert.Single(_harness.Api.Requests);
    }

    [Fact]
    public async Task Conflict_on_the_retry_key_means_LINE_had_already_accepted_the_multicast()
    {
        _harness.Api.Then(HttpStatusCode.Conflict, """{"message":"The retry key is already accepted"}""", headers: ("x-line-accepted-request-id", "req-accepted-earlier"));

        var result = await _harness.Complete(_client.MulticastAsync(["U4af4980629"], HelloWorld, RetryKey));

        Assert.True(result.AlreadyAccepted);
        Assert.Equal("req-accepted-earlier", result.RequestId);
    }

    [Fact]
    public async Task Rate_limited_push_is_retried_with_the_same_retry_key_and_body()
    {
        _harness.Api
            .Then(HttpStatusCode.TooManyRequests, """{"message":"Too many requests"}""")
            .Then(HttpStatusCode.OK, requestId: "req-after-429");

        var result = await _harness.Complete(_client.PushAsync("U4af4980629", HelloWorld, RetryKey));

        Assert.Equal(new LineSendResult("req-after-429", AlreadyAccepted: false), result);
        var requests = _harness.Api.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("123e4567-e89b-12d3-a456-426614174000", r.RetryKey));
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        _harness.Api
            .Then(HttpStatusCode.InternalServerError, """{"message":"An error occurred in the backend"}""")
            .Then(HttpStatusCode.ServiceUnavailable, "")
            .Then(HttpStatusCode.OK);

        await _harness.Complete(_client.MulticastAsync(["U4af4980629"], HelloWorld, RetryKey));

        var requests = _harness.Api.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("123e4567-e89b-12d3-a456-426614174000", r.RetryKey));
    }

    [Fact]
    public async Task Network_failures_are_retried()
    {
        _harness.Api.ThenFailToConnect().Then(HttpStatusCode.OK, """{"displayName":"LINE taro","userId":"U4af4980629"}""");

        var profile = await _harness.Complete(_client.GetProfileAsync("U4af4980629"));

        Assert.Equal("LINE taro", profile!.DisplayName);
        Assert.Equal(2, _harness.Api.Requests.Count);
    }

    [Fact]
    public async Task Retry_waits_as_long_as_Retry_After_asks()
    {
        _harness.Api
            .Then(HttpStatusCode.TooManyRequests, """{"message":"Too many requests"}""", headers: ("Retry-After", "30"))
            .Then(HttpStatusCode.OK);

        await _harness.Complete(_client.PushAsync("U4af4980629", HelloWorld, RetryKey));

        var requests = _harness.Api.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(30), $"Retried after {requests[1].At - requests[0].At} on the fake clock.");
    }

    [Fact]
    public async Task Bad_request_is_not_retried_and_reports_what_LINE_said()
    {
        const string Body = """
            {
              "message": "The request body has 2 error(s)",
              "details": [
                { "message": "May not be empty", "property": "messages[0].text" },
                { "message": "Must be one of the following values: [text, image, video, audio, location, sticker, template, imagemap]", "property": "messages[1].type" }
              ]
            }
            """;
        _harness.Api.Then(HttpStatusCode.BadRequest, Body, requestId: "req-400");

        var error = await Assert.ThrowsAsync<LineApiException>(() => _harness.Complete(_client.PushAsync("U4af4980629", HelloWorld, RetryKey)));

        Assert.Single(_harness.Api.Requests);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("The request body has 2 error(s)", error.LineMessage);
        Assert.Equal("req-400", error.RequestId);
        Assert.Equal(Body, error.ResponseBody);
        Assert.Equal(new LineApiErrorDetail("May not be empty", "messages[0].text"), error.Details[0]);
        Assert.Equal("messages[1].type", error.Details[1].Property);
        Assert.Contains("req-400", error.Message, StringComparison.Ordinal);
        Assert.Contains("messages[0].text: May not be empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    public async Task Client_errors_other_than_429_are_not_retried(HttpStatusCode status)
    {
        _harness.Api.Then(status, """{"message":"refused"}""", requestId: "req-4xx");

        var error = await Assert.ThrowsAsync<LineApiException>(() => _harness.Complete(_client.ReplyAsync("reply-token", HelloWorld)));

        Assert.Single(_harness.Api.Requests);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("refused", error.LineMessage);
    }

    [Fact]
    public async Task Server_errors_that_persist_fail_after_three_retries()
    {
        for (var i = 0; i < 5; i++)
        {
            _harness.Api.Then(HttpStatusCode.InternalServerError, "<html>Bad gateway</html>", requestId: $"req-500-{i}");
        }

        var error = await Assert.ThrowsAsync<LineApiException>(() => _harness.Complete(_client.PushAsync("U4af4980629", HelloWorld, RetryKey)));

        Assert.Equal(4, _harness.Api.Requests.Count);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("req-500-3", error.RequestId);
        Assert.Null(error.LineMessage);
        Assert.Equal("<html>Bad gateway</html>", error.ResponseBody);
    }

    [Fact]
    public async Task Registering_the_client_twice_does_not_double_the_retries()
    {
        using var harness = new LineClientHarness(services => services.AddLineMessagingClient());
        for (var i = 0; i < 20; i++)
        {
            harness.Api.Then(HttpStatusCode.InternalServerError);
        }

        await Assert.ThrowsAsync<LineApiException>(() => harness.Complete(harness.Client().GetBotInfoAsync()));

        Assert.Equal(4, harness.Api.Requests.Count);
    }

    [Fact]
    public async Task LINE_out_of_reach_fails_with_a_LineApiException_after_retries()
    {
        for (var i = 0; i < 4; i++)
        {
            _harness.Api.ThenFailToConnect();
        }

        var error = await Assert.ThrowsAsync<LineApiException>(() => _harness.Complete(_client.GetBotInfoAsync()));

        Assert.Equal(4, _harness.Api.Requests.Count);
        Assert.Equal((HttpStatusCode)0, error.StatusCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Profile_of_a_friend()
    {
        _harness.Api.Then(
            HttpStatusCode.OK,
            """
            {
              "displayName": "LINE taro",
              "userId": "U4af4980629",
              "language": "en",
              "pictureUrl": "https://profile.line-scdn.net/ch/v2/p/uf9da5ee2b",
              "statusMessage": "Hello, LINE!"
            }
            """);

        var profile = await _harness.Complete(_client.GetProfileAsync("U4af4980629"));

        Assert.Equal(new LineUserProfile("U4af4980629", "LINE taro", "https://profile.line-scdn.net/ch/v2/p/uf9da5ee2b", "Hello, LINE!", "en"), profile);
        var request = Assert.Single(_harness.Api.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(new Uri("https://api.line.me/v2/bot/profile/U4af4980629"), request.Uri);
        Assert.Equal("Bearer channel-access-token", request.Authorization);
    }

    [Fact]
    public async Task Profile_without_optional_fields()
    {
        _harness.Api.Then(HttpStatusCode.OK, """{"displayName":"花子","userId":"U0c229f96c4"}""");

        var profile = await _harness.Complete(_client.GetProfileAsync("U0c229f96c4"));

        Assert.Equal(new LineUserProfile("U0c229f96c4", "花子", null, null, null), profile);
    }

    [Fact]
    public async Task Profile_of_someone_who_is_not_a_friend_is_null()
    {
        _harness.Api.Then(HttpStatusCode.NotFound, """{"message":"Not found"}""");

        var profile = await _harness.Complete(_client.GetProfileAsync("U4af4980629"));

        Assert.Null(profile);
        Assert.Single(_harness.Api.Requests);
    }

    [Fact]
    public async Task Message_content_streams_from_the_channels_data_host()
    {
        var emulator = new LineChannel("1656123456", "emulator-token", new Uri("http://127.0.0.1:5081"), new Uri("http://127.0.0.1:5082"));
        var body = new Pipe();
        _harness.Api.Then(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(body.Reader.AsStream()) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg"), ContentLength = 10 } },
        });
        await body.Writer.WriteAsync("first"u8.ToArray(), TestContext.Current.CancellationToken);

        // Returns while LINE is still sending: a client that buffered the body would wait for all of it here.
        await using var content = await _harness.Complete(_harness.Client(emulator).GetMessageContentAsync("325708"));
        await body.Writer.WriteAsync("-rest"u8.ToArray(), TestContext.Current.CancellationToken);
        await body.Writer.CompleteAsync();

        using var read = new StreamReader(content.Content);
        Assert.Equal("first-rest", await read.ReadToEndAsync(TestContext.Current.CancellationToken));
        Assert.Equal("image/jpeg", content.ContentType);
        Assert.Equal(10, content.Length);
        var request = Assert.Single(_harness.Api.Requests);
        Assert.Equal(new Uri("http://127.0.0.1:5082/v2/bot/message/325708/content"), request.Uri);
        Assert.Equal("Bearer emulator-token", request.Authorization);
    }

    [Fact]
    public async Task Message_content_that_LINE_no_longer_has_fails()
    {
        _harness.Api.Then(HttpStatusCode.NotFound, """{"message":"Not found"}""", requestId: "req-content-404");

        var error = await Assert.ThrowsAsync<LineApiException>(() => _harness.Complete(_client.GetMessageContentAsync("325708")));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("req-content-404", error.RequestId);
        Assert.Equal("api-data.line.me", _harness.Api.Requests.Single().Uri.Host);
    }

    [Fact]
    public async Task Bot_info()
    {
        _harness.Api.Then(
            HttpStatusCode.OK,
            """
            {
              "userId": "Ub9952f8",
              "basicId": "@216ru",
              "displayName": "Example name",
              "pictureUrl": "https://profile.line-scdn.net/abc",
              "chatMode": "chat",
              "markAsReadMode": "manual"
            }
            """);

        var info = await _harness.Complete(_client.GetBotInfoAsync());

        Assert.Equal(new LineBotInfo("Ub9952f8", "@216ru", null, "Example name", "https://profile.line-scdn.net/abc", "chat", "manual"), info);
        Assert.Equal(new Uri("https://api.line.me/v2/bot/info"), _harness.Api.Requests.Single().Uri);
    }

    [Fact]
    public async Task Message_quota_with_a_target_limit()
    {
        _harness.Api
            .Then(HttpStatusCode.OK, """{"type":"limited","value":1000}""")
            .Then(HttpStatusCode.OK, """{"totalUsage":985}""");

        var quota = await _harness.Complete(_client.GetMessageQuotaAsync());

        Assert.Equal(new LineMessageQuota(1000, 985), quota);
        Assert.Equal(15, quota.Remaining);
        Assert.Equal(
            [new Uri("https://api.line.me/v2/bot/message/quota"), new Uri("https://api.line.me/v2/bot/message/quota/consumption")],
            _harness.Api.Requests.Select(r => r.Uri));
    }

    [Fact]
    public async Task Message_quota_without_a_target_limit_has_nothing_remaining_to_count()
    {
        _harness.Api
            .Then(HttpStatusCode.OK, """{"type":"none"}""")
            .Then(HttpStatusCode.OK, """{"totalUsage":120000}""");

        var quota = await _harness.Complete(_client.GetMessageQuotaAsync());

        Assert.Null(quota.Limit);
        Assert.Null(quota.Remaining);
        Assert.Equal(120000, quota.Used);
    }

    [Fact]
    public async Task Logs_name_endpoints_statuses_and_request_ids_but_no_token_user_id_or_text()
    {
        var channel = LineClientHarness.Channel with { ChannelAccessToken = "SECRET-TOKEN-f00d" };
        var client = _harness.Client(channel);
        LineMessage[] privateMessage = [new TextMessage("田中様の申請番号 4711")];
        _harness.Api
            .Then(HttpStatusCode.TooManyRequests, """{"message":"Too many requests"}""", requestId: "req-429")
            .Then(HttpStatusCode.OK, requestId: "req-push")
            .Then(HttpStatusCode.OK, """{"displayName":"田中","userId":"U-PRIVATE-1234"}""", requestId: "req-profile")
            .Then(HttpStatusCode.BadRequest, """{"message":"Invalid reply token"}""", requestId: "req-reply");

        await _harness.Complete(client.PushAsync("U-PRIVATE-1234", privateMessage, RetryKey));
        await _harness.Complete(client.GetProfileAsync("U-PRIVATE-1234"));
        await Assert.ThrowsAsync<LineApiException>(() => _harness.Complete(client.ReplyAsync("REPLY-TOKEN-beef", privateMessage)));

        var logs = string.Join("\n", _harness.Logs.Entries);
        Assert.Contains("/v2/bot/message/push", logs, StringComparison.Ordinal);
        Assert.Contains("/v2/bot/profile/{userId}", logs, StringComparison.Ordinal);
        Assert.Contains("req-push", logs, StringComparison.Ordinal);
        Assert.Contains("req-reply", logs, StringComparison.Ordinal);
        Assert.Contains("400", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-TOKEN", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("REPLY-TOKEN", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("U-PRIVATE", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("田中", logs, StringComparison.Ordinal);
    }
}
