import { api } from './api.js';
import { roles } from './dom.js';
import { performAction } from './actions.js';
import { ChatLog } from './chat-log.js';
import { RichMenuView } from './rich-menu.js';
import { InPageBrowser } from './browser.js';
import { showDatetimeForm, showLocationForm } from './panels.js';
import { readPhoto } from './photo.js';

const POLL_INTERVAL_MS = 1000;

/**
 * One simulated smartphone: a resident (chosen or created), the official account they talk to, and LINE's talk
 * screen with its rich menu, quick replies and in-app browser. It polls the emulator for what the channel sent.
 */
export class Phone {
  element;
  #els;
  #log;
  #richMenu;
  #browser;
  #users = [];
  #channels = [];
  #userId;
  #channelId = null;
  #timer = null;
  #onChange;

  /** @param options.userId the resident to show first (else the form to create one); onChange, onClose callbacks */
  constructor(template, { userId, onChange, onClose }) {
    this.element = template.content.firstElementChild.cloneNode(true);
    this.#els = roles(this.element);
    this.#userId = userId ?? null;
    this.#onChange = onChange;
    const run = (action) => this.#perform(action);
    this.#log = new ChatLog(this.#els.log, this.#els.quickReplies, run);
    this.#richMenu = new RichMenuView(this.#els.richMenu, this.#els.chatBar, run);
    this.#browser = new InPageBrowser(this.#els, this);
    this.#wire(onClose);
  }

  get userId() {
    return this.#userId;
  }

  /** The selected resident ({ userId, displayName, language, pictureUrl, following }) or null. */
  get user() {
    return this.#users.find((u) => u.userId === this.#userId) ?? null;
  }

  async start() {
    try {
      await this.#refresh();
    } catch (error) {
      this.status(`エミュレーターに接続できません: ${error.message}`);
    }
    this.#schedule();
  }

  dispose() {
    clearTimeout(this.#timer);
    this.#browser.dispose();
    this.element.remove();
  }

  /** Sends an event as the resident (the emulator delivers the signed webhook) and shows it at once. */
  async send(event) {
    if (!this.#userId || !this.#channelId) {
      return;
    }
    this.#log.dismissQuickReplies();
    try {
      await api.send(this.#userId, this.#channelId, event);
      this.status('');
      await this.#refresh();
    } catch (error) {
      this.status(`送れませんでした: ${error.message}`);
    }
  }

  async openUri(uri) {
    await this.#browser.open(uri);
  }

  pickDatetime(action) {
    showDatetimeForm(this.#els.panel, action, (value) => this.send({
      type: 'postback',
      data: action.data,
      params: { [action.mode ?? 'datetime']: value },
    }));
  }

  pickPhoto() {
    this.#els.photo.click();
  }

  askLocation() {
    showLocationForm(this.#els.panel, (location) => this.send({ type: 'location', ...location }));
  }

  async refreshRichMenu() {
    this.#richMenu.show(await api.richMenu(this.#userId, this.#channelId));
  }

  setRichMenuOpen(open) {
    this.#richMenu.setOpen(open);
  }

  focusText() {
    this.#richMenu.setOpen(false);
    this.#els.text.focus();
  }

  status(text) {
    this.#els.status.textContent = text;
  }

  async #perform(action) {
    try {
      await performAction(action, this);
    } catch (error) {
      this.status(`操作できませんでした: ${error.message}`);
    }
  }

  #wire(onClose) {
    const els = this.#els;
    els.close.addEventListener('click', () => onClose(this));
    els.user.addEventListener('change', () => this.#select(els.user.value || null, this.#channelId));
    els.channel.addEventListener('change', () => this.#select(this.#userId, els.channel.value));
    els.setup.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#createUser(els.displayName.value.trim());
    });
    els.friendship.addEventListener('click', () => this.send({ type: this.#isFollowing() ? 'unfollow' : 'follow' }));
    els.composer.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = els.text.value;
      if (text.trim()) {
        els.text.value = '';
        this.send({ type: 'text', text });
      }
    });
    els.photoButton.addEventListener('click', () => this.pickPhoto());
    els.photo.addEventListener('change', async () => {
      const [file] = els.photo.files;
      els.photo.value = '';
      if (file) {
        await this.send({ type: 'image', ...(await readPhoto(file)) });
      }
    });
    els.locationButton.addEventListener('click', () => this.askLocation());
  }

  async #createUser(displayName) {
    if (!displayName) {
      this.#els.displayName.focus();
      return;
    }
    try {
      const { userId } = await api.createUser(displayName);
      await this.#select(userId, this.#channelId);
    } catch (error) {
      this.status(`住民を作成できませんでした: ${error.message}`);
    }
  }

  async #select(userId, channelId) {
    this.#userId = userId;
    this.#channelId = channelId;
    this.#log.reset();
    this.#richMenu.show(null);
    this.#browser.close();
    this.#onChange?.(this);
    await this.#refresh();
    if (!userId) {
      this.#els.displayName.focus();
    }
  }

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(async () => {
      try {
        await this.#refresh();
      } catch (error) {
        this.status(`エミュレーターに接続できません: ${error.message}`);
      }
      this.#schedule();
    }, POLL_INTERVAL_MS);
  }

  /** Reloads residents and channels, then the talk of the selected resident on the selected channel. */
  async #refresh() {
    [this.#users, this.#channels] = await Promise.all([api.users(), api.channels()]);
    if (!this.#channels.some((c) => c.channelId === this.#channelId)) {
      this.#channelId = this.#channels[0]?.channelId ?? null;
    }
    if (this.#userId && this.#channelId && this.user) {
      const [inbox, events, menu] = await Promise.all([
        api.inbox(this.#userId),
        api.sentEvents(this.#userId),
        api.richMenu(this.#userId, this.#channelId),
      ]);
      const channel = this.#channels.find((c) => c.channelId === this.#channelId);
      this.#log.update({ inbox, events, channelId: this.#channelId, bot: channel.botDisplayName, me: this.user.displayName });
      this.#richMenu.show(this.#isFollowing() ? menu : null);
    }
    this.#render();
  }

  #isFollowing() {
    return this.user?.following.includes(this.#channelId) ?? false;
  }

  #render() {
    const els = this.#els;
    const user = this.user;
    const following = this.#isFollowing();
    replaceOptions(els.user, [
      ...this.#users.map((u) => [u.userId, u.displayName]),
      ['', '＋ 新しい住民…'],
    ], user ? this.#userId : '');
    replaceOptions(els.channel, this.#channels.map((c) => [c.channelId, `${c.botDisplayName}（${c.channelId}）`]), this.#channelId ?? '');
    els.channelField.hidden = this.#channels.length < 2;
    els.newUser.hidden = Boolean(user);
    els.friendship.disabled = !user || !this.#channelId;
    els.friendship.textContent = following ? 'ブロック' : '友だち追加';
    els.botName.textContent = this.#channels.find((c) => c.channelId === this.#channelId)?.botDisplayName ?? 'LINE';
    els.notFriend.hidden = following;
    els.notFriend.textContent = user ? '友だち追加すると、トークを始められます。' : '住民を選ぶか、作成してください。';
    for (const control of els.composer.elements) {
      control.disabled = !following;
    }
    this.element.setAttribute('aria-label', user ? `${user.displayName} のスマホ` : 'スマホ');
  }
}

/** Replaces a select's options unless they are the same, keeping the focus and the open list undisturbed. */
function replaceOptions(select, options, value) {
  const signature = JSON.stringify(options);
  if (select.dataset.options !== signature) {
    select.dataset.options = signature;
    select.replaceChildren(...options.map(([optionValue, label]) => new Option(label, optionValue)));
  }
  select.value = value;
}
