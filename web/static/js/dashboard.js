// The dashboard's charts: each <canvas data-chart="id"> draws the numbers of the JSON block
// with that id: per day, a bar per grade (the share of learners with a caring adult, in %).
// Bars side by side, not lines: grades with the same share (several at 100%, the common
// case) would draw their lines on top of each other, and only the last would show. The
// same numbers are in the table under each chart. The charts come after the page (htmx):
// each is drawn once its numbers are there.
(() => {
  const palette = ["#0a4f8a", "#b45309", "#15803d", "#7e22ce", "#be123c", "#0f766e", "#4d7c0f", "#1d4ed8"];
  const draw = () => {
    for (const canvas of document.querySelectorAll("canvas[data-chart]")) {
      if (Chart.getChart(canvas)) continue;
      const data = JSON.parse(document.getElementById(canvas.dataset.chart).textContent);
      new Chart(canvas, {
        type: "bar",
        data: {
          labels: data.days,
          datasets: data.grades.map((grade, i) => ({
            label: `grade ${grade}`,
            data: data.shares[i].map((share) => (share === null ? null : Math.round(share * 1000) / 10)),
            backgroundColor: palette[i % palette.length],
            maxBarThickness: 28,
          })),
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {
            y: {
              min: 0, max: 100,
              ticks: { callback: (value) => `${value}%` },
              title: { display: true, text: "with a caring adult" },
            },
          },
          plugins: {
            legend: { position: "bottom" },
            tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${item.formattedValue}%` } },
          },
        },
      });
    }
  };
  draw();
  document.addEventListener("htmx:after:swap", draw);
})();
