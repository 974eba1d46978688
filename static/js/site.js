// Small progressive enhancements; the site works without JavaScript.
// Forms with data-confirm ask before they are sent (e.g. cancelling a registration).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
