// The queue: most urgent and overdue first, filtered, refreshed every ten seconds.
import { element, field, replaceChildren } from '../dom.js';
import { channelName, isMe, languageName, slaText, statusName } from '../format.js';

const refreshEveryMs = 10_000;
const priorityRank = { urgent: 0, high: 1, normal: 2, low: 3 };
// Kept between visits, so coming back from a case shows the same filtered queue.
const filters = { status: 'active', skill: '', locale: '', breached: false };
const knownSkills = new Set();

export function renderQueue(container, { api, user, fail }) {
  document.title = 'Queue – Expert console';
  for (const skill of user.skills ?? []) knownSkills.add(skill);
  const list = element('ul', { className: 'case-list', dataset: { testid: 'case-list' }, 'aria-labelledby': 'queue-title' });
  const updated = element('p', { className: 'hint', role: 'status', dataset: { testid: 'queue-updated' } });
  const status = select('status', [
    ['active', 'Open or claimed'],
    ['open', 'Open'],
    ['claimed', 'Claimed'],
    ['resolved', 'Resolved'],
    ['handed_back', 'Back with the bot'],
    ['', 'All'],
  ]);
  const locale = select('locale', [
    ['', 'Any language'],
    ['en', 'English'],
    ['nl', 'Nederlands'],
  ]);
  const skill = select('skill', []);
  const breached = element('input', { type: 'checkbox', name: 'breached', dataset: { testid: 'filter-breached' } });
  const refresh = element('button', { type: 'submit', className: 'button', dataset: { testid: 'queue-refresh' }, text: 'Refresh' });
  const form = element(
    'form',
    { className: 'filters', 'aria-label': 'Filter the queue' },
    field('Status', status),
    field('Skill', skill),
    field('Language', locale),
    element('div', { className: 'field field--check' }, element('label', {}, breached, ' SLA breached only')),
    refresh,
  );
  status.value = filters.status;
  locale.value = filters.locale;
  breached.checked = filters.breached;
  fillSkills(skill);

  let disposed = false;
  let loading = false;
  async function load() {
    if (loading || disposed) return;
    loading = true;
    try {
      const cases = await fetchCases(api);
      if (disposed) return;
      for (const entry of cases) knownSkills.add(entry.skill);
      fillSkills(skill);
      const empty = element('li', { className: 'empty', text: 'No cases match these filters.' });
      replaceChildren(list, cases.length === 0 ? empty : cases.map((entry) => caseItem(entry, user)));
      updated.textContent = `${cases.length} ${cases.length === 1 ? 'case' : 'cases'}, updated ${new Date().toLocaleTimeString()}`;
    } catch (error) {
      if (!disposed) fail(error);
    } finally {
      loading = false;
    }
  }

  form.addEventListener('change', () => {
    Object.assign(filters, { status: status.value, skill: skill.value, locale: locale.value, breached: breached.checked });
    void load();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });

  container.append(element('h1', { id: 'queue-title', tabindex: '-1', text: 'Queue' }), form, updated, list);
  void load();
  const timer = setInterval(load, refreshEveryMs);
  return () => {
    disposed = true;
    clearInterval(timer);
  };
}

/** "Open or claimed" is two statuses; the API filters on one, so it asks twice and merges in queue order. */
async function fetchCases(api) {
  const query = (status) => {
    const parameters = new URLSearchParams();
    if (status) parameters.set('status', status);
    if (filters.skill) parameters.set('skill', filters.skill);
    if (filters.locale) parameters.set('locale', filters.locale);
    if (filters.breached) parameters.set('breached', 'true');
    return api.get(`/api/cases?${parameters}`).then((body) => body.cases);
  };
  if (filters.status !== 'active') return query(filters.status);
  const [open, claimed] = await Promise.all([query('open'), query('claimed')]);
  return [...open, ...claimed].sort(
    (left, right) =>
      (priorityRank[left.priority] ?? 9) - (priorityRank[right.priority] ?? 9) ||
      Date.parse(left.slaDueAt) - Date.parse(right.slaDueAt) ||
      left.id.localeCompare(right.id),
  );
}

function caseItem(entry, user) {
  const sla = slaText(entry);
  const holder = entry.assignee === null ? 'Unassigned' : isMe(user, entry.assignee) ? 'You' : entry.assignee;
  return element(
    'li',
    { className: `case-item case-item--${entry.priority}` },
    element(
      'a',
      { href: `#/cases/${encodeURIComponent(entry.id)}`, className: 'case-item__link', dataset: { testid: 'case-link', caseId: entry.id } },
      element(
        'span',
        { className: 'case-item__top' },
        element('span', { className: `badge badge--${entry.priority}`, text: entry.priority }),
        element('span', { className: 'case-item__skill', text: entry.skill }),
        element('span', { className: sla.overdue ? 'sla sla--overdue' : 'sla', dataset: { testid: 'case-sla' }, text: sla.text }),
      ),
      element('span', {
        className: 'case-item__meta',
        text: `${channelName(entry.channel)} · ${languageName(entry.locale)} · ${statusName(entry.status)} · ${holder}`,
      }),
      element('span', { className: 'case-item__reasons', text: entry.reasons.join(', ') || 'no reason recorded' }),
    ),
  );
}

function select(name, options) {
  const control = element('select', { name, dataset: { testid: `filter-${name}` } });
  for (const [value, label] of options) control.append(element('option', { value, text: label }));
  return control;
}

function fillSkills(control) {
  const chosen = filters.skill;
  // Rebuilding the options closes a picker someone has open; only do it when there is something new.
  const signature = [...knownSkills].sort().join('\n');
  if (control.dataset.skills === signature && control.value === chosen) return;
  control.dataset.skills = signature;
  replaceChildren(
    control,
    element('option', { value: '', text: 'Any skill' }),
    [...knownSkills].sort().map((skill) => element('option', { value: skill, text: skill })),
  );
  if (chosen && !knownSkills.has(chosen)) control.append(element('option', { value: chosen, text: chosen }));
  control.value = chosen;
}
