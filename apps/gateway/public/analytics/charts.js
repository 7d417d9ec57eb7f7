/* global Chart */
/**
 * Chart.js (UMD, served from /vendor) behind three small builders. Each canvas gets an aria-label that
 * says what it shows; the numbers are also in the CSV. Charts are destroyed before being redrawn.
 */
const charts = new Map();
const COLORS = ['#14406e', '#9a1b22', '#1d6b35', '#7a4d00'];

export function barChart(canvas, { labels, series, label, yTitle, horizontal = false }) {
  charts.get(canvas.id)?.destroy();
  canvas.setAttribute('aria-label', label);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: COLORS[i % COLORS.length] })) },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      animation: false,
      responsive: true,
      maintainAspectRatio: true,
      scales: {
        [horizontal ? 'x' : 'y']: { beginAtZero: true, title: { display: Boolean(yTitle), text: yTitle ?? '' } },
        [horizontal ? 'y' : 'x']: { ticks: { autoSkip: false } },
      },
      plugins: { legend: { display: series.length > 1 } },
    },
  });
  charts.set(canvas.id, chart);
  return chart;
}

/** Histogram labels from the edges: `< 5`, `5–10`, …, `≥ 120`. */
export function binLabels(edges) {
  const labels = [`< ${edges[0]}`];
  for (let i = 1; i < edges.length; i++) labels.push(`${edges[i - 1]}–${edges[i]}`);
  labels.push(`≥ ${edges[edges.length - 1]}`);
  return labels;
}

/**
 * Two bands so that every cell keeps 4.5:1 contrast: light cells (lightness 96–62 %) with dark text, dark
 * cells (45–25 %) with white text; the middle lightnesses, where neither text colour reaches 4.5:1, are skipped.
 */
export function heatColor(value, max) {
  const share = max === 0 ? 0 : value / max;
  if (share < 0.5) return { background: `hsl(212 70% ${Math.round(96 - share * 68)}%)`, color: '#1b1f24' };
  return { background: `hsl(212 70% ${Math.round(45 - (share - 0.5) * 40)}%)`, color: '#ffffff' };
}
