import { h } from './dom.js';
import { actionLabel, tappable } from './actions.js';
import { renderFlex } from './flex.js';

/**
 * Renders a message object a channel sent (https://developers.line.biz/en/reference/messaging-api/#message-objects)
 * as the LINE app shows it. `run` performs an action; `me` is the user's display name (for mentions).
 */
export function renderMessage(message, run, me) {
  const render = renderers[message.type];
  return render ? render(message, run, me) : bubble(`［${message.type} メッセージ］`);
}

/** Image areas with actions (rich menus, imagemaps): transparent buttons placed in percent of the image size. */
export function areaButtons(areas, size, run) {
  return areas.map(({ bounds, action }) => h('button', {
    type: 'button',
    class: 'area',
    'aria-label': actionLabel(action),
    title: actionLabel(action),
    style: {
      left: `${(bounds.x / size.width) * 100}%`,
      top: `${(bounds.y / size.height) * 100}%`,
      width: `${(bounds.width / size.width) * 100}%`,
      height: `${(bounds.height / size.height) * 100}%`,
    },
    onclick: () => run(action),
  }));
}

const renderers = {
  text: (message, run) => bubble(...withLinks(withEmojis(message.text, message.emojis ?? []), run)),
  textV2: (message, _run, me) => bubble(withSubstitutions(message.text, message.substitution ?? {}, me)),
  sticker: (message) => h('div', {
    class: 'sticker',
    role: 'img',
    'aria-label': `スタンプ（パッケージ ${message.packageId}、スタンプ ${message.stickerId}）`,
  }, 'スタンプ'),
  image: (message) => h('a', { class: 'media', href: message.originalContentUrl, target: '_blank', rel: 'noopener' },
    h('img', { src: message.previewImageUrl, alt: '画像' })),
  video: (message) => h('video', { class: 'media', controls: true, poster: message.previewImageUrl, src: message.originalContentUrl, 'aria-label': '動画' }),
  audio: (message) => h('div', { class: 'bubble' },
    h('audio', { controls: true, src: message.originalContentUrl, 'aria-label': `音声（${Math.round(message.duration / 1000)} 秒）` })),
  location: (message) => locationCard(message),
  imagemap: (message, run) => imagemap(message, run),
  template: (message, run) => template(message.template, run),
  flex: (message, run) => h('div', { class: 'flex-message', 'aria-label': message.altText }, renderFlex(message.contents, run)),
};

export function bubble(...content) {
  return h('div', { class: 'bubble' }, ...content);
}

export function locationCard(location) {
  const map = `https://www.openstreetmap.org/?mlat=${location.latitude}&mlon=${location.longitude}#map=17/${location.latitude}/${location.longitude}`;
  return h('div', { class: 'bubble location' },
    h('strong', null, location.title ?? '位置情報'),
    location.address ? h('span', null, location.address) : null,
    h('a', { href: map, target: '_blank', rel: 'noopener' }, `${location.latitude}, ${location.longitude}`));
}

/** LINE emoji: each is a "$" at its index in the text; shown as a placeholder, as the images are LINE's. */
function withEmojis(text, emojis) {
  const parts = [];
  let from = 0;
  for (const emoji of [...emojis].sort((a, b) => a.index - b.index)) {
    parts.push(text.slice(from, emoji.index), emojiPlaceholder(emoji));
    from = emoji.index + 1;
  }
  parts.push(text.slice(from));
  return parts;
}

/** URLs in a text message are links, as in the LINE app; tapping one opens it in the in-app browser (LIFF URLs as LIFF apps). */
function withLinks(parts, run) {
  return parts.flatMap((part) => typeof part !== 'string' ? [part] : part.split(/(https?:\/\/[^\s<>"]+)/).map((piece, i) => i % 2 === 0
    ? piece
    : h('a', { href: piece, onclick: (event) => { event.preventDefault(); run({ type: 'uri', uri: piece }); } }, piece)));
}

function withSubstitutions(text, substitution, me) {
  return text.split(/(\{[A-Za-z0-9_]+\})/).map((part) => {
    const item = substitution[part.slice(1, -1)];
    if (!part.startsWith('{') || !item) {
      return part;
    }
    if (item.type === 'emoji') {
      return emojiPlaceholder(item);
    }
    return h('span', { class: 'mention' }, item.mentionee?.type === 'all' ? '@All' : `@${me}`);
  });
}

function emojiPlaceholder(emoji) {
  return h('span', { class: 'emoji', role: 'img', 'aria-label': 'LINE絵文字', title: `${emoji.productId} / ${emoji.emojiId}` }, '☺');
}

function imagemap(message, run) {
  const actions = message.actions.map((action) => ({
    bounds: action.area,
    action: action.type === 'uri'
      ? { type: 'uri', uri: action.linkUri, label: action.label }
      : action.type === 'message'
        ? { type: 'message', text: action.text, label: action.label }
        : { ...action, type: 'clipboard' },
  }));
  return h('div', { class: 'imagemap', style: { aspectRatio: `${message.baseSize.width} / ${message.baseSize.height}` } },
    h('img', { src: `${message.baseUrl}/1040`, alt: message.altText }),
    areaButtons(actions, message.baseSize, run));
}

function template(tpl, run) {
  const actionButtons = (actions) => h('div', { class: 'template-actions' },
    actions.map((action) => h('button', { type: 'button', onclick: () => run(action) }, actionLabel(action))));
  const card = (column) => tappable(h('div', { class: 'template-card' },
    column.thumbnailImageUrl ? h('img', {
      src: column.thumbnailImageUrl,
      alt: '',
      style: {
        aspectRatio: tpl.imageAspectRatio === 'square' ? '1 / 1' : '1.51 / 1',
        objectFit: tpl.imageSize === 'contain' ? 'contain' : 'cover',
        backgroundColor: column.imageBackgroundColor ?? tpl.imageBackgroundColor,
      },
    }) : null,
    h('div', { class: 'template-body' },
      column.title ? h('strong', null, column.title) : null,
      h('p', null, column.text)),
    actionButtons(column.actions)), column.defaultAction, run);

  switch (tpl.type) {
    case 'buttons':
      return card(tpl);
    case 'confirm':
      return h('div', { class: 'template-card confirm' }, h('div', { class: 'template-body' }, h('p', null, tpl.text)), actionButtons(tpl.actions));
    case 'carousel':
      return h('div', { class: 'flex-carousel' }, tpl.columns.map(card));
    case 'image_carousel':
      return h('div', { class: 'flex-carousel' }, tpl.columns.map((column) => h('button', {
        type: 'button',
        class: 'image-column',
        onclick: () => run(column.action),
      }, h('img', { src: column.imageUrl, alt: '' }), h('span', null, actionLabel(column.action)))));
    default:
      return bubble(`［${tpl.type} テンプレート］`);
  }
}
