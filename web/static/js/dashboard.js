// The dashboard's charts: each <canvas data-chart="id"> draws the numbers of the JSON block
// with that id (one line per grade: the share of learners with a caring adult, in %). The
// same numbers are in the table under each chart.
(() => {
  const palette = ["#0a4f8a", "#b45309", "#15803d", "#7e22ce", "#be123c", "#0f766e", "#4d7c0f", "#1d4ed8"];
  const dashes = [[], [6, 3], [2, 2], [8, 3, 2, 3]];
  for (const canvas of document.querySelectorAll("canvas[data-chart]")) {
    const data = JSON.parse(document.getElementById(canvas.dataset.chart).textContent);
    new Chart(canvas, {
      type: "line",
      data: {
        labels: data.days,
        datasets: data.grades.map((grade, i) => ({
          label: `grade ${grade}`,
          data: data.shares[i].map((share) => (share === null ? null : Math.round(share * 1000) / 10)),
          borderColor: palette[i % palette.length],
          backgroundColor: palette[i % palette.length],
          borderDash: dashes[i % dashes.length],
          spanGaps: true,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: "% with a caring adult" } } },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }
})();
