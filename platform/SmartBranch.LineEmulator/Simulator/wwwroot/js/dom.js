/** Creates an element: h('button', { class: 'chip', onclick }, 'label'). Null and false props and children are skipped. */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) {
      continue;
    }
    if (name === 'class') {
      element.className = value;
    } else if (name === 'style') {
      Object.assign(element.style, value);
    } else if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  element.append(...children.flat(Infinity).filter((child) => child != null && child !== false));
  return element;
}

/** The elements of a template clone, by their data-role. */
export function roles(root) {
  return Object.fromEntries([...root.querySelectorAll('[data-role]')].map((element) => [toCamel(element.dataset.role), element]));
}

/** "12:05" in Japan time, as LINE shows message times. */
export function clockTime(timestamp) {
  return new Date(timestamp).toLocaleTimeString('ja-JP', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' });
}

function toCamel(role) {
  return role.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
}
