// The conversations behind a number on the Insight dashboard, a page at a time.
import { element, replaceChildren } from '../dom.js';
import { channelName, hasRole, languageName, statusName, when } from '../format.js';

const pageSize = 20;

/**
 * A panel that lists, on request, the conversations a figure counted. Texts
 * are the stored, redacted questions. A case links to the case view for the
 * people who may open it (experts and admins).
 */
export function createDrillDown({ api, user, fail }) {
  const heading = element('h2', { id: 'drill-title', tabindex: '-1', text: 'Conversations behind a number' });
  const hint = element('p', { className: 'hint', text: 'Choose a number or a bar above to see the conversations it counts.' });
  const list = element('ul', { className: 'drill-list', dataset: { testid: 'drill-list' }, 'aria-labelledby': 'drill-title' });
  const more = element('button', { type: 'button', className: 'button', hidden: true, text: 'Show more' });
  const panel = element('section', { className: 'drill', 'aria-labelledby': 'drill-title', dataset: { testid: 'drill-down' } }, heading, hint, list, more);
  let current;

  async function load(offset) {
    const query = new URLSearchParams({ ...current.filter, ...current.extra, figure: current.figure, limit: String(pageSize), offset: String(offset) });
    try {
      const page = await api.get(`/api/insight/conversations?${query}`);
      if (offset === 0) list.replaceChildren();
      if (page.conversations.length === 0 && offset === 0) list.append(element('li', { className: 'empty', text: 'No conversations.' }));
      for (const conversation of page.conversations) list.append(item(conversation));
      more.hidden = page.nextOffset === null;
      more.onclick = () => load(page.nextOffset);
    } catch (error) {
      fail(error);
    }
  }

  function item(conversation) {
    const canOpenCase = conversation.case && hasRole(user, 'expert', 'admin');
    const caseLine = conversation.case
      ? canOpenCase
        ? element('a', { href: `#/cases/${encodeURIComponent(conversation.case.id)}`, text: `Case · ${statusName(conversation.case.status)}` })
        : element('span', { text: `Case ${conversation.case.id} · ${statusName(conversation.case.status)}` })
      : undefined;
    const { answers, clarifications, handoffs } = conversation.decisions;
    return element(
      'li',
      { className: 'drill-item', dataset: { testid: 'drill-item', conversationId: conversation.conversationId } },
      element('p', { className: 'drill-item__question', text: conversation.firstQuestion ?? '(no question recorded)' }),
      element('p', {
        className: 'drill-item__meta',
        text: `${channelName(conversation.channel)} · ${languageName(conversation.locale)} · ${when(conversation.startedAt)} · ${answers} answered, ${clarifications} clarified, ${handoffs} handed off`,
      }),
      caseLine ? element('p', { className: 'drill-item__case' }, caseLine) : undefined,
    );
  }

  return {
    element: panel,
    /** Lists the conversations behind `figure` (with `extra` such as a reason) under the dashboard's filter. */
    show(label, figure, filter, extra = {}) {
      current = { figure, filter, extra };
      heading.textContent = `Conversations behind: ${label}`;
      hint.hidden = true;
      replaceChildren(list, element('li', { className: 'loading', text: 'Loading…' }));
      void load(0);
      heading.focus();
    },
    /** The dashboard's filter changed: an open list follows it, so it never shows another filter's conversations. */
    follow(filter) {
      if (!current) return;
      current = { ...current, filter };
      replaceChildren(list, element('li', { className: 'loading', text: 'Loading…' }));
      void load(0);
    },
  };
}
