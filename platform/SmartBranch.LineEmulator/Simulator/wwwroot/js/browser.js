import { api } from './api.js';

/** The message protocol between this page and the LIFF SDK stand-in (liff/sdk.js) in the browser's frame. */
const PROTOCOL = 'smartbranch-liff';
const LIFF_URL = /^https:\/\/liff\.line\.me\//;

/**
 * The LINE app's in-app browser: opens web pages and LIFF apps in a panel over the chat. A LIFF page that loads the
 * SDK stand-in asks this browser, through postMessage, for what LINE's SDK would know: the resident's ID token
 * (issued by the emulator, so servers verify it as usual), profile and context; it can also send messages as the
 * resident and close the window.
 */
export class InPageBrowser {
  #els;
  #phone;
  #liff = null;
  #onMessage = (event) => this.#answer(event);

  /** @param els the phone's browser, browserFrame, browserTitle, browserExternal and browserClose elements */
  constructor(els, phone) {
    this.#els = els;
    this.#phone = phone;
    els.browserClose.addEventListener('click', () => this.close());
    window.addEventListener('message', this.#onMessage);
  }

  async open(uri) {
    const isLiff = LIFF_URL.test(uri);
    const liff = isLiff ? await api.resolveLiff(uri) : null;
    if (isLiff && !liff) {
      this.#phone.status('この LIFF アプリはエミュレーターに登録されていません（LIFF サーバー API で追加してください）');
      return;
    }
    const url = liff?.url ?? uri;
    if (!/^https?:\/\//.test(url)) {
      window.open(url, '_blank', 'noopener');
      return;
    }
    this.#liff = liff;
    const { browser, browserFrame, browserTitle, browserExternal, browserClose } = this.#els;
    browser.dataset.view = liff?.viewType ?? 'full';
    browserTitle.textContent = liff ? 'LIFF アプリ' : new URL(url).host;
    browserExternal.href = url;
    browserFrame.src = url;
    browser.hidden = false;
    browserClose.focus();
  }

  close() {
    this.#els.browser.hidden = true;
    this.#els.browserFrame.src = 'about:blank';
    this.#liff = null;
  }

  dispose() {
    window.removeEventListener('message', this.#onMessage);
  }

  async #answer(event) {
    if (event.source !== this.#els.browserFrame.contentWindow || event.data?.type !== PROTOCOL) {
      return;
    }
    const { id, method, params } = event.data;
    const reply = (body) => event.source.postMessage({ type: PROTOCOL, id, ...body }, event.origin === 'null' ? '*' : event.origin);
    try {
      reply({ result: await this.#call(method, params ?? {}) });
    } catch (error) {
      reply({ error: { code: error.code ?? 'INIT_FAILED', message: error.message } });
    }
  }

  async #call(method, params) {
    switch (method) {
      case 'init':
        return this.#session(params.liffId ?? this.#liff?.liffId);
      case 'sendMessages':
        for (const message of params.messages ?? []) {
          if (message.type !== 'text') {
            throw Object.assign(new Error('シミュレーターの sendMessages はテキストだけを送れます'), { code: 'INVALID_ARGUMENT' });
          }
          await this.#phone.send({ type: 'text', text: message.text });
        }
        return {};
      case 'openWindow':
        if (params.external) {
          window.open(params.url, '_blank', 'noopener');
        } else {
          await this.open(params.url);
        }
        return {};
      case 'closeWindow':
        this.close();
        return {};
      default:
        throw Object.assign(new Error(`Unknown LIFF method ${method}`), { code: 'INVALID_ARGUMENT' });
    }
  }

  async #session(liffId) {
    const user = this.#phone.user;
    if (!user || !liffId) {
      throw new Error(user ? 'liffId is required' : 'No resident is selected');
    }
    return {
      idToken: await api.idToken(user.userId, liffId),
      language: user.language ?? 'ja',
      profile: { userId: user.userId, displayName: user.displayName, pictureUrl: user.pictureUrl ?? undefined },
      context: { type: 'utou', userId: user.userId, liffId, viewType: this.#liff?.viewType ?? 'full', endpointUrl: this.#liff?.url },
    };
  }
}
