/** The emulator's simulation API, on this page's origin. */

export class SimulationError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function request(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const details = (json.details ?? []).map((d) => `${d.property}: ${d.message}`).join(', ');
    throw new SimulationError(response.status, [json.message ?? response.statusText, details].filter(Boolean).join(' — '));
  }
  return json;
}

async function orNullWhenMissing(promise) {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof SimulationError && error.status === 404) {
      return null;
    }
    throw error;
  }
}

export const api = {
  channels: async () => (await request('GET', '/_sim/channels')).channels,
  users: async () => (await request('GET', '/_sim/users')).users,
  createUser: (displayName) => request('POST', '/_sim/users', { displayName, language: 'ja' }),
  /** Simulates an event of the user on a channel; resolves to the delivery result (webhookStatus…). */
  send: (userId, channelId, event) => request('POST', `/_sim/users/${userId}/events`, { ...event, channelId }),
  inbox: async (userId) => (await request('GET', `/_sim/users/${userId}/inbox`)).messages,
  sentEvents: async (userId) => (await request('GET', `/_sim/users/${userId}/events`)).events,
  /** The rich menu the user sees on the channel, or null. */
  richMenu: (userId, channelId) =>
    orNullWhenMissing(request('GET', `/_sim/users/${userId}/richmenu?channelId=${encodeURIComponent(channelId)}`)),
  contentUrl: (channelId, messageId) => `/_sim/channels/${encodeURIComponent(channelId)}/content/${messageId}`,
  /** Where a LIFF URL opens ({ liffId, url, viewType }), or null when it names no known LIFF app. */
  resolveLiff: (url) => orNullWhenMissing(request('GET', `/_sim/liff/resolve?url=${encodeURIComponent(url)}`)),
  idToken: async (userId, liffId) => (await request('POST', `/_sim/users/${userId}/id-token`, { liffId })).idToken,
};
