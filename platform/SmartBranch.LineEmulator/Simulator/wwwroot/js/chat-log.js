import { api } from './api.js';
import { clockTime, h } from './dom.js';
import { actionLabel } from './actions.js';
import { bubble, locationCard, renderMessage } from './messages.js';

/**
 * The talk of one resident with one channel: what the channel sent (the inbox) on the left, what the resident did
 * (their events, with the webhook's answer) on the right, and the quick replies of the latest message.
 * Both lists only grow, so each update appends what it has not shown yet.
 */
export class ChatLog {
  #list;
  #quickReplies;
  #run;
  #shown = new Set();

  constructor(list, quickReplies, run) {
    this.#list = list;
    this.#quickReplies = quickReplies;
    this.#run = run;
  }

  reset() {
    this.#shown.clear();
    this.#list.replaceChildren();
    this.#showQuickReplies(null);
  }

  /** Appends the new items of the inbox and the sent events that belong to this channel. */
  update({ inbox, events, channelId, bot, me }) {
    const items = [
      ...inbox.filter((m) => m.channelId === channelId).map((m) => ({
        key: `m${m.id}`,
        time: m.timestamp,
        quickReply: m.message.quickReply,
        render: () => this.#botItem(m, bot, me),
      })),
      ...events.filter((e) => e.channelId === channelId).map((e) => ({ key: `e${e.event.webhookEventId}`, time: e.timestamp, render: () => userItem(e) })),
    ]
      .filter((item) => !this.#shown.has(item.key))
      .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    if (items.length === 0) {
      return;
    }
    const scrollToEnd = () => {
      this.#list.scrollTop = this.#list.scrollHeight;
    };
    for (const item of items) {
      this.#shown.add(item.key);
      const element = item.render();
      // Images take their height only once loaded.
      element.querySelectorAll('img').forEach((img) => img.addEventListener('load', scrollToEnd, { once: true }));
      this.#list.append(element);
    }
    this.#showQuickReplies(items.at(-1).quickReply ?? null);
    scrollToEnd();
  }

  /** Hides the quick replies once the resident acts, as LINE does. */
  dismissQuickReplies() {
    this.#showQuickReplies(null);
  }

  #botItem(entry, bot, me) {
    const sender = entry.message.sender?.name ?? bot;
    return h('li', { class: 'item bot' },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, sender.slice(0, 1)),
      h('div', { class: 'content' },
        h('span', { class: 'sender' }, sender),
        h('div', { class: 'line' }, renderMessage(entry.message, this.#run, me), h('time', { datetime: entry.timestamp }, clockTime(entry.timestamp)))));
  }

  #showQuickReplies(quickReply) {
    const chips = quickReply?.items ?? [];
    this.#quickReplies.hidden = chips.length === 0;
    this.#quickReplies.replaceChildren(...chips.map(({ action, imageUrl }) => h('button', {
      type: 'button',
      class: 'chip',
      onclick: () => {
        this.dismissQuickReplies();
        this.#run(action);
      },
    }, imageUrl ? h('img', { src: imageUrl, alt: '' }) : null, actionLabel(action))));
  }
}

function userItem({ channelId, event, webhookStatus, displayText, timestamp }) {
  if (event.type === 'follow' || event.type === 'unfollow') {
    return h('li', { class: 'item system' }, event.type === 'follow' ? '友だち追加しました' : 'ブロックしました');
  }
  const content = userContent(channelId, event, displayText);
  if (!content) {
    const params = Object.entries(event.postback.params ?? {}).map(([name, value]) => `${name}=${value}`).join(', ');
    return h('li', { class: 'item system' },
      h('span', null, `ポストバック: ${event.postback.data}${params ? `（${params}）` : ''}`),
      delivery(webhookStatus));
  }
  return h('li', { class: 'item me' },
    h('div', { class: 'line' },
      h('span', { class: 'meta' }, delivery(webhookStatus), h('time', { datetime: timestamp }, clockTime(timestamp))),
      content));
}

function userContent(channelId, event, displayText) {
  if (event.type === 'postback') {
    return displayText ? bubble(displayText) : null;
  }
  const message = event.message;
  switch (message.type) {
    case 'image':
      return h('img', { class: 'media', src: api.contentUrl(channelId, message.id), alt: '送った写真' });
    case 'location':
      return locationCard(message);
    default:
      return bubble(message.text);
  }
}

/** Whether the channel's webhook took the event: LINE shows nothing like it, trainers and testers need it. */
function delivery(status) {
  const delivered = status >= 200 && status < 300;
  const text = delivered ? '送信済' : status ? `未達（HTTP ${status}）` : '未達（Webhook なし・応答なし）';
  return h('span', { class: `delivery${delivered ? '' : ' failed'}`, 'data-status': status ?? '' }, text);
}
