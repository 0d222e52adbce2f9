// Every piece of server data reaches the page through textContent or
// setAttribute, never through HTML parsing, so customer text stays text.

/**
 * Creates an element. `text` sets its text, `dataset` its data attributes,
 * `on<event>` adds a listener, `className` its classes; any other property is
 * an attribute (true gives an empty attribute; false, null and undefined
 * leave it out). Children are elements or strings (appended as text).
 */
export function element(tag, properties = {}, ...children) {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') created.textContent = String(value);
    else if (name === 'className') created.className = value;
    else if (name === 'dataset') Object.assign(created.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') created.addEventListener(name.slice(2), value);
    else created.setAttribute(name, value === true ? '' : String(value));
  }
  append(created, children);
  return created;
}

/** Appends children, skipping empty ones; strings become text nodes. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child);
  }
  return parent;
}

/** Replaces everything inside `parent`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** A labelled form field: label, control and an optional hint, wired for screen readers. */
export function field(label, control, hint) {
  const id = control.id || `field-${(fieldCount += 1)}`;
  control.id = id;
  const hintElement = hint ? element('p', { className: 'hint', id: `${id}-hint`, text: hint }) : undefined;
  if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
  return element('div', { className: 'field' }, element('label', { for: id, text: label }), control, hintElement);
}
let fieldCount = 0;

/** Disables every control in `form` while `work` runs, so a double tap sends once. */
export async function whileBusy(form, work) {
  const controls = [...form.querySelectorAll('button, input, select, textarea')].filter((control) => !control.disabled);
  for (const control of controls) control.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    for (const control of controls) control.disabled = false;
    form.removeAttribute('aria-busy');
  }
}
