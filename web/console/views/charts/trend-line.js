// A line per series over the period's days or weeks, 0–100% on the vertical axis.
import { chartRoot, percent, svgElement } from './svg.js';

const width = 320;
const height = 160;
const padding = { top: 10, right: 10, bottom: 24, left: 34 };

/**
 * `points`: [{ label, values: [share or null, …] }] one per bucket; `series`:
 * [{ name, className }] in the same order as each point's values. Missing
 * values (nothing to share) break the line rather than drawing a false zero.
 */
export function trendLine({ title, points, series }) {
  const description = series
    .map((line, index) => `${line.name}: ${points.map((point) => `${point.label} ${percent(point.values[index])}`).join(', ')}`)
    .join('. ');
  const root = chartRoot(width, height, `${title}. ${description}`, 'chart chart--trend');
  const plotWidth = width - padding.left - padding.right;
  const plotHeight = height - padding.top - padding.bottom;
  const x = (index) => padding.left + (points.length <= 1 ? plotWidth / 2 : (index / (points.length - 1)) * plotWidth);
  const y = (share) => padding.top + (1 - share) * plotHeight;

  for (const share of [0, 0.5, 1]) {
    root.append(
      svgElement('line', { x1: padding.left, x2: width - padding.right, y1: y(share), y2: y(share), class: 'chart__grid' }),
      svgElement('text', { x: padding.left - 4, y: y(share) + 4, class: 'chart__axis chart__axis--y', text: `${share * 100}%` }),
    );
  }
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  points.forEach((point, index) => {
    if (index % labelEvery === 0) root.append(svgElement('text', { x: x(index), y: height - 6, class: 'chart__axis chart__axis--x', text: point.label.slice(5) }));
  });
  series.forEach((line, seriesIndex) => {
    let path = '';
    let pen = 'M';
    points.forEach((point, index) => {
      const value = point.values[seriesIndex];
      if (value === null || value === undefined) {
        pen = 'M';
        return;
      }
      path += `${pen}${x(index).toFixed(1)},${y(value).toFixed(1)} `;
      pen = 'L';
      root.append(svgElement('circle', { cx: x(index).toFixed(1), cy: y(value).toFixed(1), r: 2.5, class: `chart__dot ${line.className}` }));
    });
    if (path) root.append(svgElement('path', { d: path.trim(), class: `chart__line ${line.className}` }));
  });
  return root;
}
