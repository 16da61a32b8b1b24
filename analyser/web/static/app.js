// Progressive enhancement only: without this file the page works the same, showing every question.
(function () {
  "use strict";

  // Move focus to the error summary so keyboard and screen reader users start at the problem.
  var summary = document.querySelector('[data-module="error-summary"]');
  if (summary) {
    summary.focus();
  }

  var form = document.querySelector('[data-module="check-form"]');
  if (!form) {
    return;
  }

  // Show a follow-up question only when the answer it depends on is chosen.
  function reveal() {
    form.querySelectorAll("[data-reveal-when]").forEach(function (section) {
      var rule = section.getAttribute("data-reveal-when").split("=");
      var chosen = form.querySelector('input[name="' + rule[0] + '"]:checked');
      section.hidden = !(chosen && chosen.value === rule[1]);
    });
  }
  form.addEventListener("change", reveal);
  reveal();

  // Reading a scan takes a while: say so, and ignore a second press of the button.
  var submitting = false;
  form.addEventListener("submit", function (event) {
    if (submitting) {
      event.preventDefault();
      return;
    }
    submitting = true;
    var status = form.querySelector('[data-module="status"]');
    if (status) {
      status.textContent = "Checking your letter. A scanned letter can take up to a minute.";
    }
  });
})();
