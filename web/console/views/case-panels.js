// The parts of a case beside the conversation: summary and actions, the bot's draft, the sources it retrieved.
import { element, replaceChildren } from '../dom.js';
import { channelName, isActive, isMe, languageName, slaText, statusName, when } from '../format.js';

/** Facts, reason codes and the holder actions; `act(action, body, notice)` posts one and redraws the case. */
export function renderSummary(section, detail, user, act) {
  const mine = isMe(user, detail.assignee);
  const active = isActive(detail);
  const free = detail.assignee === null || mine;
  const sla = slaText(detail);
  const facts = [
    ['Status', statusName(detail.status)],
    ['Priority', detail.priority],
    ['Skill', detail.skill],
    ['Language', languageName(detail.locale)],
    ['Channel', channelName(detail.channel)],
    ['SLA', `${sla.text} (due ${when(detail.slaDueAt)})`],
    ['Held by', detail.assignee === null ? 'nobody yet' : mine ? 'you' : detail.assignee],
    ['Opened', when(detail.openedAt)],
  ];
  // The case is drawn again once the action has finished, with every button in its new state.
  const button = (label, testid, enabled, onclick) =>
    element('button', {
      type: 'button',
      className: 'button',
      disabled: !enabled,
      dataset: { testid },
      onclick: (event) => {
        event.currentTarget.disabled = true;
        void onclick();
      },
      text: label,
    });
  replaceChildren(
    section,
    element(
      'dl',
      { className: 'facts' },
      facts.map(([term, value]) =>
        element(
          'div',
          { className: term === 'SLA' && sla.overdue ? 'fact fact--overdue' : 'fact' },
          element('dt', { text: term }),
          element('dd', { text: value }),
        ),
      ),
    ),
    element('h2', { text: 'Why it came to a person' }),
    element(
      'ul',
      { className: 'reasons', dataset: { testid: 'reasons' } },
      detail.reasons.length === 0
        ? element('li', { text: 'no reason recorded' })
        : detail.reasons.map((reason) => element('li', {}, element('code', { text: reason }))),
    ),
    element(
      'div',
      { className: 'button-row actions' },
      button('Claim', 'claim', active && !mine, () => act('claim', {}, 'You hold this case now. Reply below.')),
      button('Release', 'release', detail.status === 'claimed' && mine, () => act('release', {}, 'Released: the case is back in the queue.')),
      button('Resolve', 'resolve', active && free, () => act('resolve', {}, 'Resolved. The customer was asked how satisfied they are.')),
      button('Hand back to bot', 'hand-back', active && free, () => act('hand-back', {}, 'Handed back: the bot answers this conversation again.')),
    ),
  );
}

/** The bot's last message, which the expert may start a reply from once the case is theirs. */
export function renderBotDraft(section, detail, canReply, replyText) {
  const last = detail.transcript.findLast((message) => message.author === 'bot');
  section.hidden = !last;
  if (!last) return;
  replaceChildren(
    section,
    element('h2', { id: 'bot-draft-title', text: 'Bot draft' }),
    element('p', { className: 'hint', text: "The bot's last message in this conversation." }),
    element('blockquote', { className: 'bot-draft__text', text: last.text }),
    element('button', {
      type: 'button',
      className: 'button button--small',
      disabled: !canReply,
      dataset: { testid: 'use-bot-draft' },
      onclick: () => {
        replyText.value = last.text;
        replyText.focus();
      },
      text: 'Start my reply from it',
    }),
  );
}

/** One row per article: its best-scoring passage, and how many of its passages the bot retrieved. */
export function renderSources(section, retrieved) {
  const byArticle = new Map();
  for (const record of retrieved) {
    const seen = byArticle.get(record.articleId) ?? { articleId: record.articleId, score: -Infinity, passages: 0 };
    byArticle.set(record.articleId, { ...seen, score: Math.max(seen.score, record.score), passages: seen.passages + 1 });
  }
  const rows = [...byArticle.values()].sort((left, right) => right.score - left.score);
  replaceChildren(
    section,
    element('h2', { id: 'sources-title', text: 'Sources the bot retrieved' }),
    rows.length === 0
      ? element('p', { className: 'hint', text: 'The bot found no source for this question.' })
      : element(
          'table',
          { className: 'sources' },
          element(
            'thead',
            {},
            element(
              'tr',
              {},
              element('th', { scope: 'col', text: 'Article' }),
              element('th', { scope: 'col', className: 'number', text: 'Passages' }),
              element('th', { scope: 'col', className: 'number', text: 'Best score' }),
            ),
          ),
          element(
            'tbody',
            {},
            rows.map((row) =>
              element(
                'tr',
                { dataset: { testid: 'source' } },
                element('td', { text: row.articleId }),
                element('td', { className: 'number', text: String(row.passages) }),
                element('td', { className: 'number', text: row.score.toFixed(3) }),
              ),
            ),
          ),
        ),
  );
}
