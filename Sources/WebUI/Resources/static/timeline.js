// Booking grid: a click on a free hour, or a drag across free hours of one row, opens the booking
// dialog in place, filled in; a click on a booking shows what it is, with a link to its page.
// Without JavaScript the same links load the page with the form open and go to the booking's page.
(function () {
  "use strict";
  var dialog = document.getElementById("book");
  var form = document.getElementById("book-form");
  var blockDialog = document.getElementById("block");

  function slot(cell) {  // resource, date, from, to of a free hour's link
    var query = new URLSearchParams(cell.getAttribute("href").split("#")[0].split("?")[1]);
    return { resource: query.get("resource"), date: query.get("date"), from: query.get("from"), to: query.get("to") };
  }

  function open(first, last) {
    var start = slot(first), end = slot(last);
    form.elements.resource.value = start.resource;
    form.elements.date.value = start.date;
    form.elements.from.value = start.from;
    form.elements.to.value = end.to;
    if (dialog.open) dialog.close();
    dialog.showModal();
    form.elements.title.focus();
  }

  var quotas = document.getElementById("book-quotas");
  function showQuotas() {  // the chosen organization's quotas only; every one while none is chosen
    if (!quotas) return;
    var chosen = form.elements.organization.value;
    Array.prototype.forEach.call(quotas.children, function (line) {
      line.hidden = chosen !== "" && line.getAttribute("data-organization") !== chosen;
    });
  }

  if (dialog && form) {
    form.elements.organization.addEventListener("change", showQuotas);
    showQuotas();
    var picking = null;  // { track, cells: the row's free hours in order, from, to: indexes }
    function mark() {
      picking.cells.forEach(function (cell, index) {
        cell.classList.toggle("picked", index >= Math.min(picking.from, picking.to) && index <= Math.max(picking.from, picking.to));
      });
    }
    function reach(cell) {  // extends the pick to cell over free hours only: a taken hour stops it
      var hours = Array.prototype.slice.call(cell.parentNode.children);
      var from = hours.indexOf(picking.cells[picking.from]), to = hours.indexOf(cell);
      var step = to > from ? 1 : -1;
      for (var i = from; i !== to; i += step) {
        if (hours[i + step].tagName !== "A") return;
      }
      picking.to = picking.cells.indexOf(cell);
      mark();
    }
    document.querySelectorAll(".hours").forEach(function (hours) {
      hours.addEventListener("mousedown", function (event) {
        var cell = event.target.closest("a");
        if (!cell || event.button !== 0) return;
        event.preventDefault();
        var cells = Array.prototype.slice.call(hours.querySelectorAll("a"));
        picking = { cells: cells, from: cells.indexOf(cell), to: cells.indexOf(cell) };
        mark();
      });
      hours.addEventListener("mouseover", function (event) {
        var cell = event.target.closest("a");
        if (picking && cell && picking.cells.indexOf(cell) >= 0) reach(cell);
      });
      hours.addEventListener("click", function (event) {
        var cell = event.target.closest("a");
        if (!cell) return;
        event.preventDefault();
        if (event.detail === 0) open(cell, cell);  // the keyboard's Enter: one hour
      });
    });
    document.addEventListener("mouseup", function () {
      if (!picking) return;
      var a = picking.cells[Math.min(picking.from, picking.to)], b = picking.cells[Math.max(picking.from, picking.to)];
      picking.cells.forEach(function (cell) { cell.classList.remove("picked"); });
      picking = null;
      open(a, b);
    });
    if (dialog.open) {  // the server opened it: a refused booking, or a cell's link without script
      dialog.close();
      dialog.showModal();
      var alert = document.getElementById("clash") || dialog.querySelector("[aria-invalid=true]");
      (alert && alert.focus ? alert : document.getElementById("book-heading")).focus();
    }
  }

  if (blockDialog) {
    document.querySelectorAll("a.block").forEach(function (block) {
      block.addEventListener("click", function (event) {
        event.preventDefault();
        document.getElementById("block-what").textContent = block.title;
        document.getElementById("block-open").href = block.getAttribute("href");
        blockDialog.showModal();
      });
    });
  }
})();
