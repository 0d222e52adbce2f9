// A half-circle gauge for a share such as SLA attainment, with a target mark.
import { chartRoot, percent, svgElement } from './svg.js';

const radius = 80;
const centre = { x: 100, y: 95 };

function pointAt(share) {
  const angle = Math.PI * (1 - share);
  return { x: centre.x + radius * Math.cos(angle), y: centre.y - radius * Math.sin(angle) };
}

function arc(from, to) {
  const start = pointAt(from);
  const end = pointAt(to);
  return `M${start.x.toFixed(1)},${start.y.toFixed(1)} A${radius},${radius} 0 0 1 ${end.x.toFixed(1)},${end.y.toFixed(1)}`;
}

/** `share` 0..1 or null (nothing judged yet); `target` the share the team aims for. */
export function slaGauge({ title, share, target }) {
  const root = chartRoot(200, 110, `${title}: ${percent(share)} (target ${percent(target)})`, 'chart chart--gauge');
  root.append(svgElement('path', { d: arc(0, 1), class: 'gauge__track' }));
  if (share !== null && share > 0) {
    root.append(svgElement('path', { d: arc(0, Math.min(share, 0.9999)), class: share >= target ? 'gauge__value gauge__value--good' : 'gauge__value gauge__value--poor' }));
  }
  const mark = pointAt(target);
  const inner = { x: centre.x + (mark.x - centre.x) * 0.8, y: centre.y + (mark.y - centre.y) * 0.8 };
  root.append(
    svgElement('line', { x1: inner.x.toFixed(1), y1: inner.y.toFixed(1), x2: mark.x.toFixed(1), y2: mark.y.toFixed(1), class: 'gauge__target' }),
    svgElement('text', { x: centre.x, y: centre.y - 8, class: 'gauge__label', text: percent(share) }),
  );
  return root;
}
