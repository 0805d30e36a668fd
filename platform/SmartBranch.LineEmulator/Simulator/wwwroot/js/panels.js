import { h } from './dom.js';

/** Small forms shown above the composer: sending a location, and LINE's date and time picker. */

/** Asks for a location (defaults: Hirakawa City Hall) and passes { title, address, latitude, longitude } on. */
export function showLocationForm(panel, onSend) {
  const field = (label, name, value, attributes = {}) =>
    h('label', null, label, h('input', { name, value, required: true, autocomplete: 'off', ...attributes }));
  const form = h('form', { 'aria-label': '位置情報を送る' },
    h('h3', null, '位置情報を送る'),
    field('名称', 'title', '平川市役所', { maxlength: 100 }),
    field('住所', 'address', '青森県平川市柏木町藤山25-6', { maxlength: 100 }),
    h('div', { class: 'panel-row' },
      field('緯度', 'latitude', '40.5841', { type: 'number', step: 'any', min: -90, max: 90 }),
      field('経度', 'longitude', '140.5668', { type: 'number', step: 'any', min: -180, max: 180 })),
    buttons('送信'));
  open(panel, form, (data) => onSend({
    title: data.get('title'),
    address: data.get('address'),
    latitude: Number(data.get('latitude')),
    longitude: Number(data.get('longitude')),
  }));
}

/** LINE's datetime picker: mode date, time or datetime, with initial, min and max; passes LINE's value string on. */
export function showDatetimeForm(panel, action, onPick) {
  const type = { date: 'date', time: 'time', datetime: 'datetime-local' }[action.mode] ?? 'datetime-local';
  const form = h('form', { 'aria-label': action.label ?? '日時を選ぶ' },
    h('h3', null, action.label ?? '日時を選ぶ'),
    h('label', null, { date: '日付', time: '時刻' }[action.mode] ?? '日時',
      h('input', { name: 'value', type, value: action.initial, min: action.min, max: action.max, required: true })),
    buttons('決定'));
  open(panel, form, (data) => onPick(data.get('value')));
}

function buttons(submitLabel) {
  return h('div', { class: 'panel-row panel-buttons' },
    h('button', { type: 'button', 'data-cancel': true }, 'キャンセル'),
    h('button', { type: 'submit', class: 'primary' }, submitLabel));
}

function open(panel, form, onSubmit) {
  const close = () => {
    panel.hidden = true;
    panel.replaceChildren();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    close();
    onSubmit(data);
  });
  form.querySelector('[data-cancel]').addEventListener('click', close);
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
    }
  });
  panel.replaceChildren(form);
  panel.hidden = false;
  form.querySelector('input').focus();
}
