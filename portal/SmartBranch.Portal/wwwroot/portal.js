// Copy buttons: <button data-copy-target="input-id" data-copied-text="…">. Delegated from the document
// so that it also serves buttons rendered later by interactive components.
document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-copy-target]") : null;
  if (!button) {
    return;
  }
  const input = document.getElementById(button.dataset.copyTarget);
  if (!input) {
    return;
  }
  input.select();
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    // The Clipboard API needs a secure context; plain-HTTP installs fall back to the selection.
    document.execCommand("copy");
  }
  const label = button.textContent;
  button.textContent = button.dataset.copiedText;
  button.setAttribute("aria-live", "polite");
  setTimeout(() => { button.textContent = label; }, 2000);
});
