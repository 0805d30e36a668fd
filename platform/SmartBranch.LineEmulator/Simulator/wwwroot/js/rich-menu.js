import { h } from './dom.js';
import { areaButtons } from './messages.js';

/** The rich menu under the chat: its image with tappable areas, opened and closed with the chat bar. */
export class RichMenuView {
  #container;
  #chatBar;
  #run;
  #menu = null;

  constructor(container, chatBar, run) {
    this.#container = container;
    this.#chatBar = chatBar;
    this.#run = run;
    chatBar.addEventListener('click', () => this.setOpen(this.#container.hidden));
  }

  /** Shows the menu the user sees now ({ richMenu, imageUrl } or null); the same menu again changes nothing. */
  show(menu) {
    const previous = this.#menu;
    if ((previous?.richMenu.richMenuId ?? null) === (menu?.richMenu.richMenuId ?? null)) {
      return;
    }
    this.#menu = menu;
    this.#chatBar.hidden = !menu;
    if (!menu) {
      this.#container.hidden = true;
      this.#container.replaceChildren();
      return;
    }
    const { richMenu, imageUrl } = menu;
    this.#container.replaceChildren(h('div', {
      class: 'rich-menu-image',
      style: { aspectRatio: `${richMenu.size.width} / ${richMenu.size.height}` },
    }, h('img', { src: imageUrl, alt: richMenu.name }), areaButtons(richMenu.areas, richMenu.size, this.#run)));
    // A switched-to menu stays open, as in LINE; a first menu opens when it is marked "selected".
    this.setOpen(previous ? !this.#container.hidden : richMenu.selected);
  }

  setOpen(open) {
    if (!this.#menu) {
      return;
    }
    this.#container.hidden = !open;
    this.#chatBar.setAttribute('aria-expanded', String(open));
    this.#chatBar.textContent = `${this.#menu.richMenu.chatBarText} ${open ? '▾' : '▴'}`;
  }
}
