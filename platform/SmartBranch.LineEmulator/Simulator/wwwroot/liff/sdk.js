/*
 * LIFF SDK stand-in of the SmartBranch LINE emulator.
 *
 * In Emulator mode a resident page loads this script from the emulator (<emulator>/_sim/liff/sdk.js) instead of
 * LINE's SDK (https://static.line-scdn.net/liff/edge/2/sdk.js). Like LINE's, it is a classic script that defines
 * window.liff. It runs in the resident simulator's in-app browser, which answers its requests with the simulated
 * resident's profile and a real ES256 ID token issued by the emulator, so a server verifies the token as usual
 * (POST /oauth2/v2.1/verify). Implemented: init, ready, isLoggedIn, isInClient, login, logout, getIDToken,
 * getDecodedIDToken, getProfile, getContext, getOS, getLanguage, getAppLanguage, getVersion, isApiAvailable,
 * sendMessages (text), openWindow, closeWindow, id.
 */
(() => {
  'use strict';

  const PROTOCOL = 'smartbranch-liff';
  const simulatorOrigin = new URL(document.currentScript.src).origin;
  const pending = new Map();
  let nextRequestId = 1;
  let session = null;
  let markReady;

  window.addEventListener('message', (event) => {
    const call = event.origin === simulatorOrigin && event.data?.type === PROTOCOL ? pending.get(event.data.id) : undefined;
    if (!call) {
      return;
    }
    pending.delete(event.data.id);
    if (event.data.error) {
      call.reject(liffError(event.data.error.code, event.data.error.message));
    } else {
      call.resolve(event.data.result);
    }
  });

  function request(method, params) {
    if (window.parent === window) {
      return Promise.reject(liffError('INIT_FAILED', 'Open this page from the resident simulator (' + simulatorOrigin + '/_sim/).'));
    }
    return new Promise((resolve, reject) => {
      const id = nextRequestId++;
      pending.set(id, { resolve, reject });
      window.parent.postMessage({ type: PROTOCOL, id, method, params }, simulatorOrigin);
    });
  }

  function liffError(code, message) {
    return Object.assign(new Error(message), { code });
  }

  function initialized() {
    if (!session) {
      throw liffError('UNAUTHORIZED', 'liff.init() has not completed.');
    }
    return session;
  }

  function decodeJwtPayload(jwt) {
    const base64 = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  window.liff = {
    id: null,
    ready: new Promise((resolve) => {
      markReady = resolve;
    }),
    async init(config, onSuccess, onError) {
      try {
        session = await request('init', { liffId: config?.liffId });
        window.liff.id = session.context.liffId;
        markReady();
        onSuccess?.();
      } catch (error) {
        if (!onError) {
          throw error;
        }
        onError(error);
      }
    },
    isLoggedIn: () => session !== null,
    isInClient: () => true,
    login() {},
    logout() {},
    getOS: () => 'web',
    getVersion: () => '2.0.0-smartbranch-emulator',
    getLanguage: () => initialized().language,
    getAppLanguage: () => initialized().language,
    getContext: () => initialized().context,
    getIDToken: () => initialized().idToken,
    getDecodedIDToken: () => decodeJwtPayload(initialized().idToken),
    getAccessToken: () => null,
    getProfile: async () => initialized().profile,
    isApiAvailable: (name) => name === 'sendMessages',
    sendMessages: async (messages) => {
      initialized();
      await request('sendMessages', { messages });
    },
    openWindow: ({ url, external = false }) => {
      request('openWindow', { url, external });
    },
    closeWindow: () => {
      request('closeWindow', {});
    },
  };
})();
