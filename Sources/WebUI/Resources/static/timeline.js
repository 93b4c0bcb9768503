// Timeline: picking a free hour opens the booking form in place, filled in, without a page load.
// Without JavaScript the same links load the page with the form open.
(function () {
  "use strict";
  var panel = document.getElementById("book");
  var form = document.getElementById("book-form");
  if (!panel || !form) return;
  document.querySelectorAll(".hours a[data-resource]").forEach(function (cell) {
    cell.addEventListener("click", function (event) {
      event.preventDefault();
      form.elements.resource.value = cell.dataset.resource;
      form.elements.date.value = cell.dataset.date;
      form.elements.from.value = cell.dataset.from;
      form.elements.to.value = cell.dataset.to;
      panel.hidden = false;
      panel.scrollIntoView({ block: "nearest" });
      form.elements.title.focus();
    });
  });
  if (!panel.hidden) {
    var alert = document.getElementById("clash") || panel.querySelector("[aria-invalid=true]");
    panel.scrollIntoView({ block: "nearest" });
    (alert && alert.focus ? alert : document.getElementById("book-heading")).focus();
  }
})();
