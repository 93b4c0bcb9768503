// Planner run page: follows the API's Server-Sent Events (GET /plans/{id}/events) and updates the
// status, best score and unplaced count; reloads when the run settles. Without JavaScript the
// page refreshes itself (a <noscript> meta refresh).
(function () {
  "use strict";
  var box = document.getElementById("progress");
  if (!box || !window.EventSource) return;
  var status = document.getElementById("plan-status");
  var best = document.getElementById("plan-best");
  var unplaced = document.getElementById("plan-unplaced");
  var source = new EventSource(box.dataset.events);
  function show(summary) {
    status.dataset.status = summary.status;
    status.textContent = box.getAttribute("data-status-" + summary.status) || summary.status;
    if (summary.progress) {
      var score = summary.progress.bestScore;
      best.textContent = score.hard + " / " + score.medium + " / " + score.soft;
      unplaced.textContent = String(summary.progress.unplacedSessions);
    }
  }
  source.addEventListener("progress", function (event) { show(JSON.parse(event.data)); });
  ["succeeded", "failed", "published", "cancelled", "revoked"].forEach(function (name) {
    source.addEventListener(name, function (event) {
      source.close();
      if (name !== "revoked") show(JSON.parse(event.data));
      window.location.replace(window.location.pathname);
    });
  });
  source.onerror = function () {
    if (source.readyState === EventSource.CLOSED) window.setTimeout(function () { window.location.reload(); }, 5000);
  };
})();
