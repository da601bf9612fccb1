// When a form comes back with errors, move focus to the summary so that keyboard and screen
// reader users hear what must be fixed (the summary links to each field).
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".ds-error-summary");
  if (summary) summary.focus();
});

// A print button (the CSP forbids inline handlers): the report's print stylesheet does the rest.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
