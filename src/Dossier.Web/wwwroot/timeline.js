// Draws the actor-pair timeline with Chart.js from the JSON API. No inline script: the page's CSP allows 'self' only.
(function () {
  "use strict";
  var canvas = document.getElementById("timeline-chart");
  if (!canvas || typeof Chart === "undefined") {
    return;
  }

  fetch(canvas.getAttribute("data-src"), { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error("timeline request failed: " + response.status);
      }
      return response.json();
    })
    .then(function (timeline) {
      var days = timeline.days || [];
      new Chart(canvas, {
        data: {
          labels: days.map(function (d) { return d.date; }),
          datasets: [
            { type: "bar", label: "events per day", data: days.map(function (d) { return d.events; }), yAxisID: "events", backgroundColor: "#7a9cc6" },
            { type: "line", label: "mean Goldstein", data: days.map(function (d) { return d.meanGoldstein; }), yAxisID: "goldstein", borderColor: "#c0392b", backgroundColor: "#c0392b", tension: 0.2, pointRadius: 5 }
          ]
        },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          scales: {
            events: { type: "linear", position: "left", beginAtZero: true, title: { display: true, text: "events" }, ticks: { precision: 0 } },
            goldstein: { type: "linear", position: "right", min: -10, max: 10, title: { display: true, text: "mean Goldstein" }, grid: { drawOnChartArea: false } }
          }
        }
      });
      canvas.setAttribute("data-drawn", "true");
    })
    .catch(function (error) {
      canvas.setAttribute("data-error", String(error));
    });
})();
