// The application pages' progressive enhancement. Without it every page still works: the server checks everything
// and keeps the draft on each step. With it: focus moves to the first error, the draft is kept when the resident
// leaves the form without pressing anything, a step cannot be sent twice by a double tap, the link to the card or
// the payment is followed at once, and the page waiting for the payment changes by itself once it is confirmed.
(() => {
  'use strict';

  const firstError = document.querySelector('[aria-invalid="true"], #signing-refused');
  if (firstError) {
    firstError.focus();
  }

  document.querySelectorAll('form.single-press').forEach((form) => {
    let sent = false;
    form.addEventListener('submit', (event) => {
      if (sent) {
        event.preventDefault();
      }
      sent = true;
    });
  });

  const onward = document.querySelector('a[data-follow]');
  if (onward) {
    window.location.assign(onward.href);
  }

  const form = document.getElementById('application-form');
  if (form && navigator.sendBeacon) {
    let changed = false;
    let submitting = false;
    form.addEventListener('input', () => { changed = true; });
    form.addEventListener('change', () => { changed = true; });
    form.addEventListener('submit', () => { submitting = true; });
    const keep = () => {
      if (!changed || submitting) {
        return;
      }
      const data = new FormData(form);
      data.set('step', form.dataset.saveStep);
      if (navigator.sendBeacon(form.action, data)) {
        changed = false;
      }
    };
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') {
        keep();
      }
    });
    window.addEventListener('pagehide', keep);
  }

  const waiting = document.getElementById('payment-waiting');
  if (waiting) {
    const check = async () => {
      try {
        const response = await fetch(waiting.dataset.statusUrl, { cache: 'no-store', credentials: 'same-origin' });
        if (response.ok) {
          const { status } = await response.json();
          if (status !== waiting.dataset.status) {
            window.location.replace(window.location.pathname);
            return;
          }
        }
      } catch {
        // Offline for a moment: the next check tries again.
      }
      window.setTimeout(check, 3000);
    };
    window.setTimeout(check, 2000);
  }
})();
