// Live drafting progress: post the draft form in the background, follow the solve over
// Server-Sent Events, offer Cancel, reload the grid when the draft is recorded.
// Without this script the forms still post and the server redirects when the solve ends.
(function () {
  "use strict";
  var panel = document.getElementById("draft-progress");
  var draftForm = document.getElementById("draft-form");
  var cancelForm = document.getElementById("cancel-form");
  if (!panel) return;

  function text(id, value) {
    var el = document.getElementById(id);
    if (el) el.textContent = value;
  }

  function show(data) {
    panel.hidden = false;
    panel.dataset.state = data.state;
    text("progress-title", panel.dataset["text" + data.state.charAt(0).toUpperCase() + data.state.slice(1)] || "");
    text("progress-filled", data.filled_seats);
    text("progress-seats", data.seats);
    text("progress-objective", data.objective === null ? "—" : Math.round(data.objective));
    text("progress-seconds", data.seconds);
    text("progress-solutions", data.solutions);
    text("progress-message", data.state === "running" ? "" : data.message || "");
    var share = data.seats ? Math.min(100, (100 * data.filled_seats) / data.seats) : 0;
    document.getElementById("progress-bar").style.width = share + "%";
  }

  function follow() {
    var source = new EventSource(panel.dataset.progressUrl);
    source.onmessage = function (event) {
      var data = JSON.parse(event.data);
      if (data.state === "idle") { source.close(); return; }
      show(data);
      if (data.state !== "running") {
        source.close();
        if (cancelForm) cancelForm.hidden = true;
        if (data.state === "done") {
          // The grid itself, without notices of earlier actions (?published=…) in the URL.
          window.setTimeout(function () { window.location.assign(window.location.pathname); }, 600);
        }
        else if (draftForm) draftForm.querySelector("button").disabled = false;
      }
    };
    source.onerror = function () { source.close(); };
  }

  function post(form) {
    return fetch(form.action, {
      method: "POST",
      headers: { "Accept": "application/json", "X-CSRF-Token": form.elements._csrf.value },
      credentials: "same-origin",
    });
  }

  if (draftForm) {
    draftForm.addEventListener("submit", function (event) {
      event.preventDefault();
      draftForm.querySelector("button").disabled = true;
      if (cancelForm) cancelForm.hidden = false;
      show({ state: "running", filled_seats: 0, seats: 0, objective: null, seconds: 0, solutions: 0 });
      post(draftForm).then(function (response) {
        if (response.status === 202) follow();
        else window.location.reload();
      });
    });
  }
  if (cancelForm) {
    cancelForm.addEventListener("submit", function (event) {
      event.preventDefault();
      post(cancelForm);
    });
  }
  if (panel.dataset.state === "running") follow();
})();
