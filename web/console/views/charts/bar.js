// One horizontal bar, its length a share of the longest in its list.
import { svgElement } from './svg.js';

export function bar(share, className = '') {
  const root = svgElement('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', class: `chart chart--bar ${className}`.trim(), 'aria-hidden': 'true', focusable: 'false' });
  root.append(svgElement('rect', { x: 0, y: 0, width: 100, height: 10, class: 'bar__track' }));
  if (share > 0) root.append(svgElement('rect', { x: 0, y: 0, width: Math.max(1, Math.min(100, share * 100)).toFixed(1), height: 10, class: 'bar__value' }));
  return root;
}
