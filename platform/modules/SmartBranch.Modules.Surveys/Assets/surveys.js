// The survey page's progressive enhancement. Without it the page still works: every question is shown with its
// condition written out, and the server checks everything. With it: questions that do not apply are hidden, the
// draft is kept on the phone (localStorage) until the answer is in, focus moves to the list of errors, and a chosen
// image is checked (type, size, count) and shown as a thumbnail before it is sent. Images are not part of the draft.
(() => {
  'use strict';

  const storage = (() => {
    try {
      const s = window.localStorage;
      s.getItem('probe');
      return s;
    } catch {
      return null;
    }
  })();

  const done = document.querySelector('[data-clear-draft]');
  if (done && storage) {
    storage.removeItem(done.dataset.clearDraft);
  }

  const errors = document.getElementById('errors');
  if (errors) {
    errors.focus();
  }

  const form = document.getElementById('survey-form');
  if (!form) {
    return;
  }

  const draftKey = form.dataset.draftKey;
  const isAnswer = (e) => e.name && e.name.startsWith('q-') && e.type !== 'hidden';

  const valuesOf = (name) => Array.from(form.elements)
    .filter((e) => e.name === name && !e.disabled)
    .filter((e) => (e.type === 'radio' || e.type === 'checkbox') ? e.checked : true)
    .map((e) => e.value)
    .filter((v) => v !== '');

  const applyConditions = () => {
    document.querySelectorAll('[data-show-when]').forEach((item) => {
      const wanted = item.dataset.showValues.split(' ');
      const shown = valuesOf(item.dataset.showWhen).some((v) => wanted.includes(v));
      item.hidden = !shown;
      item.querySelectorAll('input, select, textarea').forEach((field) => { field.disabled = !shown; });
    });
  };

  const save = () => {
    if (!storage) {
      return;
    }
    const draft = {};
    Array.from(form.elements).filter(isAnswer).forEach((e) => {
      draft[e.name] = valuesOf(e.name);
    });
    try {
      storage.setItem(draftKey, JSON.stringify(draft));
    } catch {
      // A full or private store: the page works without a draft.
    }
  };

  const restore = () => {
    const saved = storage && storage.getItem(draftKey);
    if (!saved) {
      return;
    }
    let draft;
    try {
      draft = JSON.parse(saved);
    } catch {
      return;
    }
    let restored = false;
    Array.from(form.elements).filter((e) => isAnswer(e) && Array.isArray(draft[e.name])).forEach((e) => {
      const values = draft[e.name];
      if (e.type === 'radio' || e.type === 'checkbox') {
        e.checked = values.includes(e.value);
      } else {
        e.value = values[0] || '';
      }
      restored = restored || values.length > 0;
    });
    const notice = document.getElementById('draft-restored');
    if (restored && notice) {
      notice.hidden = false;
    }
  };

  // A refused file is taken out of the input at once, so the rest of the form is sent as it is.
  const checkImages = (input) => {
    const error = document.getElementById(`${input.id}-error`);
    const previews = document.getElementById(input.id.replace(/-file$/, '-previews'));
    const files = Array.from(input.files);
    const refusal = files.length > Number(input.dataset.maxFiles) ? input.dataset.tooMany
      : files.some((f) => f.type !== 'image/jpeg' && f.type !== 'image/png') ? input.dataset.notImage
        : files.some((f) => f.size > Number(input.dataset.maxBytes)) ? input.dataset.tooLarge
          : null;
    previews.replaceChildren();
    error.hidden = refusal === null;
    error.textContent = refusal || '';
    input.setAttribute('aria-invalid', refusal === null ? 'false' : 'true');
    if (refusal !== null) {
      input.value = '';
      return;
    }
    files.forEach((file, index) => {
      const reader = new FileReader();
      reader.addEventListener('load', () => {
        const image = document.createElement('img');
        image.src = reader.result;
        image.alt = `${input.dataset.alt} ${index + 1}`;
        image.width = 120;
        image.height = 120;
        const item = document.createElement('li');
        item.append(image);
        previews.append(item);
      });
      reader.readAsDataURL(file);
    });
  };

  form.querySelectorAll('input[type="file"]').forEach((input) => {
    input.addEventListener('change', () => checkImages(input));
  });

  document.querySelectorAll('.condition-note').forEach((note) => { note.hidden = true; });
  if (form.hasAttribute('data-restore-draft')) {
    restore();
  }
  applyConditions();
  form.addEventListener('change', () => { applyConditions(); save(); });
  form.addEventListener('input', save);
})();
