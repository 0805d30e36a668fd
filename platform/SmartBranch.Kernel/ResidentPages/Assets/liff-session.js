// Signs a resident in to a resident page: LIFF gives the page the resident's ID token, which the server verifies
// with LINE Login before it sets the resident session cookie. Loaded by the sign-in step of every resident page.
(() => {
  'use strict';
  const form = document.getElementById('liff-session');
  const status = document.getElementById('liff-status');
  if (!form || !status) {
    return;
  }

  const fail = (message) => {
    status.textContent = message;
    status.classList.add('notice-error');
    status.setAttribute('role', 'alert');
  };

  if (typeof window.liff === 'undefined') {
    fail(form.dataset.sdkFailed);
    return;
  }

  window.liff.init({ liffId: form.dataset.liffId })
    .then(() => {
      if (!window.liff.isLoggedIn()) {
        window.liff.login({ redirectUri: window.location.href });
        return;
      }
      const idToken = window.liff.getIDToken();
      if (!idToken) {
        fail(form.dataset.initFailed);
        return;
      }
      form.elements.id_token.value = idToken;
      form.submit();
    })
    .catch(() => fail(form.dataset.initFailed));
})();
