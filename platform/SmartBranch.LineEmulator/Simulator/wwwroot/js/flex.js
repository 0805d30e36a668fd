import { h } from './dom.js';
import { actionLabel, tappable } from './actions.js';

/**
 * Renders Flex Message containers (https://developers.line.biz/en/reference/messaging-api/#flex-message) with
 * CSS flexbox: bubbles, carousels, and box, text, span, image, icon, button, separator, filler and spacer
 * components. Sizes follow LINE's keywords approximately; anything unknown renders as plain layout.
 */

const TEXT_SIZES = { xxs: 11, xs: 13, sm: 14, md: 16, lg: 19, xl: 22, xxl: 29, '3xl': 35, '4xl': 48, '5xl': 74 };
const IMAGE_SIZES = { xxs: 40, xs: 60, sm: 80, md: 100, lg: 120, xl: 140, xxl: 160, '3xl': 180, '4xl': 200, '5xl': 240 };
const SPACING = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
const BORDER_WIDTHS = { none: 0, light: 0.5, normal: 1, medium: 2, 'semi-bold': 3, bold: 4 };
const BUBBLE_WIDTHS = { nano: 120, micro: 160, deca: 220, hecto: 241, kilo: 260, mega: 300, giga: 500 };
const BUTTON_COLORS = { primary: ['#06c755', '#ffffff'], secondary: ['#dcdfe5', '#111111'], link: ['transparent', '#2a5490'] };

/** A keyword of the table in px, or a CSS length given as "12px" / "30%". */
function length(value, table) {
  if (value == null) {
    return undefined;
  }
  return value in table ? `${table[value]}px` : value;
}

export function renderFlex(container, run) {
  if (container.type === 'carousel') {
    return h('div', { class: 'flex-carousel' }, container.contents.map((bubble) => renderBubble(bubble, run)));
  }
  return renderBubble(container, run);
}

function renderBubble(bubble, run) {
  const styles = bubble.styles ?? {};
  const section = (name) => {
    const content = bubble[name];
    if (!content) {
      return null;
    }
    const style = styles[name] ?? {};
    const element = h('div', {
      class: `flex-section flex-${name}`,
      style: {
        backgroundColor: style.backgroundColor,
        borderTop: style.separator ? `1px solid ${style.separatorColor ?? '#e0e0e0'}` : undefined,
      },
    }, renderComponent(content, run, 'vertical'));
    return element;
  };
  const element = h('div', {
    class: 'flex-bubble',
    dir: bubble.direction === 'rtl' ? 'rtl' : 'ltr',
    style: { width: length(bubble.size ?? 'mega', BUBBLE_WIDTHS) },
  }, ['header', 'hero', 'body', 'footer'].map(section));
  return tappable(element, bubble.action, run);
}

function renderComponent(component, run, parentLayout) {
  const element = renderers[component.type]?.(component, run) ?? h('div');
  const style = element.style;
  const flex = component.flex ?? (parentLayout === 'vertical' ? 0 : 1);
  if (component.type !== 'filler' && component.type !== 'spacer') {
    style.flex = flex === 0 ? '0 0 auto' : `${flex} 1 0%`;
  }
  const margin = length(component.margin, SPACING);
  if (margin) {
    style[parentLayout === 'vertical' ? 'marginTop' : 'marginInlineStart'] = margin;
  }
  if (component.position === 'absolute') {
    style.position = 'absolute';
    style.top = length(component.offsetTop, SPACING);
    style.bottom = length(component.offsetBottom, SPACING);
    style.insetInlineStart = length(component.offsetStart, SPACING);
    style.insetInlineEnd = length(component.offsetEnd, SPACING);
  } else if (component.offsetTop || component.offsetStart) {
    style.position = 'relative';
    style.top = length(component.offsetTop, SPACING);
    style.insetInlineStart = length(component.offsetStart, SPACING);
  }
  if (component.gravity && parentLayout !== 'vertical') {
    style.alignSelf = { top: 'flex-start', center: 'center', bottom: 'flex-end' }[component.gravity];
  }
  return component.type === 'button' ? element : tappable(element, component.action, run);
}

const renderers = {
  box(box, run) {
    const layout = box.layout ?? 'vertical';
    const gradient = box.background?.type === 'linearGradient'
      ? `linear-gradient(${box.background.angle ?? '0deg'}, ${[box.background.startColor, box.background.centerColor, box.background.endColor].filter(Boolean).join(', ')})`
      : undefined;
    return h('div', {
      class: `flex-box flex-${layout}`,
      style: {
        gap: length(box.spacing, SPACING),
        padding: length(box.paddingAll, SPACING),
        paddingTop: length(box.paddingTop, SPACING),
        paddingBottom: length(box.paddingBottom, SPACING),
        paddingInlineStart: length(box.paddingStart, SPACING),
        paddingInlineEnd: length(box.paddingEnd, SPACING),
        backgroundColor: box.backgroundColor,
        backgroundImage: gradient,
        border: box.borderWidth || box.borderColor
          ? `${length(box.borderWidth ?? 'normal', BORDER_WIDTHS)} solid ${box.borderColor ?? '#000'}`
          : undefined,
        borderRadius: length(box.cornerRadius, { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 }),
        width: box.width,
        maxWidth: box.maxWidth,
        height: box.height,
        maxHeight: box.maxHeight,
        justifyContent: box.justifyContent,
        alignItems: box.alignItems,
      },
    }, (box.contents ?? []).map((child) => renderComponent(child, run, layout)));
  },

  text(text) {
    const content = text.contents?.length
      ? text.contents.map((span) => h('span', { style: textStyle(span) }, span.text))
      : text.text;
    return h('p', {
      class: `flex-text${text.wrap ? ' wrap' : ''}`,
      style: {
        ...textStyle(text),
        textAlign: { start: 'start', end: 'end', center: 'center' }[text.align],
        WebkitLineClamp: text.maxLines ? String(text.maxLines) : undefined,
        lineHeight: text.lineSpacing ? `calc(1.4em + ${text.lineSpacing})` : undefined,
      },
    }, content);
  },

  image(image) {
    const [w, hgt] = (image.aspectRatio ?? '1:1').split(':').map(Number);
    const size = image.size === 'full' ? '100%' : length(image.size ?? 'md', IMAGE_SIZES);
    const align = { start: '0 auto 0 0', end: '0 0 0 auto', center: '0 auto' }[image.align ?? 'center'];
    return h('div', { class: 'flex-image', style: { width: size, margin: align } },
      h('img', {
        src: image.url,
        alt: '',
        style: { aspectRatio: `${w} / ${hgt}`, objectFit: image.aspectMode === 'cover' ? 'cover' : 'contain', backgroundColor: image.backgroundColor },
      }));
  },

  icon(icon) {
    const size = length(icon.size ?? 'md', TEXT_SIZES);
    return h('img', { class: 'flex-icon', src: icon.url, alt: '', style: { width: size, height: size } });
  },

  button(button, run) {
    const [background, foreground] = BUTTON_COLORS[button.style ?? 'link'];
    const custom = button.color;
    return h('button', {
      type: 'button',
      class: `flex-button ${button.style ?? 'link'}`,
      style: {
        backgroundColor: button.style === 'link' ? background : custom ?? background,
        color: button.style === 'link' ? custom ?? foreground : foreground,
        minHeight: button.height === 'sm' ? '40px' : '52px',
      },
      onclick: () => run(button.action),
    }, actionLabel(button.action));
  },

  separator(separator) {
    return h('hr', { class: 'flex-separator', style: { borderColor: separator.color } });
  },

  filler(filler) {
    return h('div', { style: { flex: `${filler.flex ?? 1} 1 0%` } });
  },

  spacer(spacer) {
    return h('div', { style: { flex: '0 0 auto', height: length(spacer.size ?? 'md', SPACING) } });
  },

  video(video, run) {
    return renderComponent(video.altContent ?? { type: 'text', text: '動画' }, run, 'vertical');
  },
};

function textStyle(text) {
  return {
    fontSize: length(text.size, TEXT_SIZES),
    fontWeight: text.weight === 'bold' ? '700' : undefined,
    fontStyle: text.style === 'italic' ? 'italic' : undefined,
    textDecoration: text.decoration && text.decoration !== 'none' ? text.decoration : undefined,
    color: text.color,
  };
}
