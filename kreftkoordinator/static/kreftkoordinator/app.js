// When a form comes back with errors, move focus to the summary so that keyboard and screen
// reader users hear what must be fixed (the summary links to each field).
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".ds-error-summary");
  if (summary) summary.focus();
});
