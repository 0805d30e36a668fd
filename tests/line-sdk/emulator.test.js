// LINE's official Node.js SDK driving the LINE emulator unchanged. Run by
// tests/SmartBranch.LineEmulator.Tests/OfficialSdk/LineBotSdkTests.cs, which starts the emulator with one channel
// and sets LINE_EMULATOR_URL, LINE_CHANNEL_ACCESS_TOKEN and LINE_CHANNEL_SECRET.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:http";
import { after, before, test } from "node:test";
import { crc32, deflateSync } from "node:zlib";
import { HTTPFetchError, messagingApi, middleware } from "@line/bot-sdk";

const baseURL = requiredEnv("LINE_EMULATOR_URL");
const channelAccessToken = requiredEnv("LINE_CHANNEL_ACCESS_TOKEN");
const channelSecret = requiredEnv("LINE_CHANNEL_SECRET");

const client = new messagingApi.MessagingApiClient({ channelAccessToken, baseURL });
const blobClient = new messagingApi.MessagingApiBlobClient({ channelAccessToken, baseURL });

// The channel's webhook: the SDK's own middleware verifies x-line-signature and parses the body.
const webhooks = [];
const receiver = createServer((req, res) =>
    middleware({ channelSecret })(req, res, (error) => {
        if (!error) {
            webhooks.push(req.body);
        }
        res.writeHead(error ? 401 : 200).end();
    }),
);

let userId;
let follow;

before(async () => {
    receiver.listen(0, "127.0.0.1");
    await once(receiver, "listening");
    await client.setWebhookEndpoint({ endpoint: `http://127.0.0.1:${receiver.address().port}/webhook` });
    ({ userId, follow } = await createFollower("山田 太郎"));
});

after(() => receiver.close());

test("a follow reaches the webhook with a signature the SDK's middleware accepts", () => {
    assert.equal(follow.webhookStatus, 200);
    const event = webhookEvent(follow.webhookEventId);
    assert.equal(event.type, "follow");
    assert.equal(event.source.userId, userId);
});

test("push delivers to the simulated user's inbox", async () => {
    const { httpResponse, body } = await client.pushMessageWithHttpInfo({
        to: userId,
        messages: [{ type: "text", text: "ごみ収集日のお知らせ" }],
    });

    assert.match(httpResponse.headers.get("x-line-request-id"), /\S/);
    const [sent] = body.sentMessages;
    const delivered = (await inbox(userId)).find((m) => m.id === sent.id);
    assert.equal(delivered.api, "push");
    assert.deepEqual(delivered.message, { type: "text", text: "ごみ収集日のお知らせ" });
});

test("multicast delivers to every recipient", async () => {
    const other = (await createFollower("佐藤 花子")).userId;

    await client.multicast({ to: [userId, other], messages: [{ type: "text", text: "避難所開設" }] });

    for (const recipient of [userId, other]) {
        assert.ok((await inbox(recipient)).some((m) => m.api === "multicast" && m.message.text === "避難所開設"));
    }
});

test("reply answers a simulated text message with its reply token", async () => {
    const { replyToken, webhookEventId } = await simulate(userId, { type: "text", text: "こんにちは" });
    assert.equal(webhookEvent(webhookEventId).replyToken, replyToken);

    const { sentMessages } = await client.replyMessage({
        replyToken,
        messages: [{ type: "text", text: "ご用件をどうぞ" }],
    });

    const delivered = (await inbox(userId)).find((m) => m.id === sentMessages[0].id);
    assert.equal(delivered.api, "reply");
});

test("get profile; an unknown user is the SDK's HTTP error with status 404", async () => {
    const profile = await client.getProfile(userId);
    assert.equal(profile.userId, userId);
    assert.equal(profile.displayName, "山田 太郎");

    await assert.rejects(client.getProfile(`U${"0".repeat(32)}`), (error) => {
        assert.ok(error instanceof HTTPFetchError);
        assert.equal(error.status, 404);
        assert.equal(JSON.parse(error.body).message, "Not found");
        return true;
    });
});

test("rich menu: create, upload its image with the blob client, set as default, get", async () => {
    const menu = {
        size: { width: 800, height: 270 },
        selected: true,
        name: "ホーム",
        chatBarText: "メニュー",
        areas: [{ bounds: { x: 0, y: 0, width: 800, height: 270 }, action: { type: "postback", data: "menu=home" } }],
    };
    const image = png(800, 270);

    const { richMenuId } = await client.createRichMenu(menu);
    await blobClient.setRichMenuImage(richMenuId, new Blob([image], { type: "image/png" }));
    await client.setDefaultRichMenu(richMenuId);

    assert.equal((await client.getDefaultRichMenuId()).richMenuId, richMenuId);
    assert.deepEqual(await client.getRichMenu(richMenuId), { richMenuId, ...menu });
    assert.deepEqual(Buffer.concat(await (await blobClient.getRichMenuImage(richMenuId)).toArray()), image);
});

test("a repeated retry key is the SDK's HTTP error with 409 and the accepted request's id", async () => {
    const retryKey = randomUUID();
    const request = { to: userId, messages: [{ type: "text", text: "一度だけ届く" }] };

    const first = await client.pushMessageWithHttpInfo(request, retryKey);
    const acceptedRequestId = first.httpResponse.headers.get("x-line-request-id");
    await assert.rejects(client.pushMessage(request, retryKey), (error) => {
        assert.ok(error instanceof HTTPFetchError);
        assert.equal(error.status, 409);
        assert.equal(error.headers.get("x-line-accepted-request-id"), acceptedRequestId);
        assert.deepEqual(JSON.parse(error.body).sentMessages, first.body.sentMessages);
        return true;
    });

    assert.equal((await inbox(userId)).filter((m) => m.message.text === "一度だけ届く").length, 1);
});

function requiredEnv(name) {
    const value = process.env[name];
    assert.ok(value, `${name} must be set`);
    return value;
}

/** The event with this id among the webhooks received. */
function webhookEvent(webhookEventId) {
    const event = webhooks.flatMap((w) => w.events).find((e) => e.webhookEventId === webhookEventId);
    assert.ok(event, `no webhook carried event ${webhookEventId}`);
    return event;
}

async function createFollower(displayName) {
    const { userId: id } = await sim("POST", "/_sim/users", { displayName });
    return { userId: id, follow: await simulate(id, { type: "follow" }) };
}

function simulate(id, event) {
    return sim("POST", `/_sim/users/${id}/events`, event);
}

async function inbox(id) {
    return (await sim("GET", `/_sim/users/${id}/inbox`)).messages;
}

/** Calls the emulator's simulation API (not part of LINE, so not in the SDK). */
async function sim(method, path, body) {
    const response = await fetch(new URL(path, baseURL), {
        method,
        headers: body ? { "Content-Type": "application/json" } : {},
        body: body && JSON.stringify(body),
    });
    const json = await response.json();
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
}

/** A valid opaque white RGB PNG: signature, IHDR, one zlib-compressed IDAT (filter byte 0 per row), IEND. */
function png(width, height) {
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, adaptive filtering, no interlace
    const row = Buffer.alloc(1 + width * 3, 0xff);
    row[0] = 0;
    const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
    return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk("IHDR", header),
        chunk("IDAT", pixels),
        chunk("IEND", Buffer.alloc(0)),
    ]);
}

function chunk(type, data) {
    const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typeAndData));
    return Buffer.concat([length, typeAndData, crc]);
}
