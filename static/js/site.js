// Small progressive enhancements; the site works without JavaScript.
// Forms with data-confirm ask before they are sent (e.g. cancelling a registration).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// After a form comes back with errors, move focus to the first problem so that keyboard and
// screen-reader users land on it.
document.addEventListener("DOMContentLoaded", () => {
  const problem = document.querySelector(".message-error, .errorlist.nonfield, [aria-invalid='true']");
  if (!problem) {
    return;
  }
  if (!problem.matches("input, select, textarea") && !problem.hasAttribute("tabindex")) {
    problem.setAttribute("tabindex", "-1");
  }
  problem.focus();
});

// On narrow screens the main menu folds behind a "Menü" button; without JavaScript it simply
// stays open (the folding CSS only applies once this script has marked the page).
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.querySelector(".menu-toggle");
  const nav = document.getElementById("site-nav");
  if (!toggle || !nav) {
    return;
  }
  toggle.addEventListener("click", () => {
    const open = nav.classList.toggle("nav-open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
});

// Copy buttons (e.g. the personal calendar address): shown only where the script runs; the
// field itself stays selectable without it.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-copy-target]").forEach((button) => {
    const field = document.getElementById(button.dataset.copyTarget);
    if (!field || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", () => {
      field.select();
      navigator.clipboard.writeText(field.value).then(() => {
        button.textContent = button.dataset.copied;
      });
    });
  });
});
