import { Phone } from './phone.js';

/**
 * The resident simulator: one or more phones side by side (training). `?users=U1,U2` opens one phone per resident;
 * the address keeps the residents shown, so a reload or a shared link brings them back.
 */
const template = document.getElementById('phone-template');
const container = document.getElementById('phones');
const phones = [];

function addPhone(userId) {
  const phone = new Phone(template, { userId, onChange: rememberResidents, onClose: closePhone });
  phones.push(phone);
  container.append(phone.element);
  updateCloseButtons();
  phone.start();
  return phone;
}

function closePhone(phone) {
  phones.splice(phones.indexOf(phone), 1);
  phone.dispose();
  updateCloseButtons();
  rememberResidents();
}

function updateCloseButtons() {
  for (const phone of phones) {
    phone.element.querySelector('[data-role="close"]').hidden = phones.length === 1;
  }
}

function rememberResidents() {
  const url = new URL(window.location.href);
  const userIds = phones.map((phone) => phone.userId).filter(Boolean);
  if (userIds.length > 0) {
    url.searchParams.set('users', userIds.join(','));
  } else {
    url.searchParams.delete('users');
  }
  window.history.replaceState(null, '', url);
}

const requested = new URLSearchParams(window.location.search).get('users')?.split(',').filter(Boolean) ?? [];
for (const userId of requested.length > 0 ? requested : [null]) {
  addPhone(userId);
}
document.getElementById('add-phone').addEventListener('click', () => addPhone(null).element.scrollIntoView({ behavior: 'smooth', inline: 'end' }));
