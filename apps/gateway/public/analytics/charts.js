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
    // Long names (the catalogue's service names) as several short lines: a narrow card cut them off.
    data: { labels: horizontal ? labels.map((l) => wrapLabel(l, 18)) : labels, datasets: series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: COLORS[i % COLORS.length] })) },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      animation: false,
      responsive: true,
      maintainAspectRatio: true,
      aspectRatio: horizontal ? 1 : 2, // room for the wrapped lines
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

/** `Anmeldung (Zuzug nach Halberstadt)` → [`Anmeldung (Zuzug`, `nach Halberstadt)`]: lines of about `width` characters, broken at spaces. */
export function wrapLabel(text, width) {
  const lines = [];
  for (const word of String(text).split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length > 1 ? lines : String(text);
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
