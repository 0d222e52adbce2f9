// SVG built with DOM calls, so charts obey the console's CSP (no inline
// style, no HTML parsing): shapes get their colours from console.css classes.

const namespace = 'http://www.w3.org/2000/svg';

/** Creates an SVG element; every property is an attribute, `text` its text. */
export function svgElement(tag, properties = {}, ...children) {
  const created = document.createElementNS(namespace, tag);
  for (const [name, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') created.textContent = String(value);
    else created.setAttribute(name, String(value));
  }
  for (const child of children.flat()) if (child) created.append(child);
  return created;
}

/** A chart's root: scales with its container, announced as one image with a text alternative. */
export function chartRoot(width, height, label, className) {
  return svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: className, focusable: 'false' });
}

/** A share (0..1) as a whole percentage, "–" when undefined. */
export function percent(share) {
  return share === null || share === undefined ? '–' : `${Math.round(share * 1000) / 10}%`;
}
