// Knowledge gaps: what customers asked that the knowledge base could not
// answer, grouped by need, with the questions behind each number; and the
// articles overdue for review or contradicting each other's numbers.
import { element, field, replaceChildren, whileBusy } from '../dom.js';
import { channelName, hasRole, languageName, when } from '../format.js';

// Kept between visits, so coming back from a case shows the same period.
const filters = { days: '30', locale: '' };
const trendSigns = { new: ['▲', 'new'], rising: ['▲', 'rising'], steady: ['▶', 'steady'], falling: ['▼', 'falling'] };
const decisionNames = { handoff: 'handed off', clarify: 'asked to clarify', answer: 'low confidence' };

export function renderKnowledgeGaps(container, { api, user, notify, fail }) {
  document.title = 'Knowledge gaps – Expert console';
  let disposed = false;
  const gapList = element('ol', { className: 'gap-list', dataset: { testid: 'gap-list' }, 'aria-labelledby': 'gaps-title' });
  const staleList = element('ul', { className: 'health-list', dataset: { testid: 'stale-list' }, 'aria-labelledby': 'stale-title' });
  const conflictList = element('ul', { className: 'health-list', dataset: { testid: 'conflict-list' }, 'aria-labelledby': 'conflicts-title' });
  const summary = element('p', { className: 'hint', role: 'status', dataset: { testid: 'gap-summary' } });
  const downloads = element('p', { className: 'downloads' });

  const days = select('days', [
    ['7', 'Last 7 days'],
    ['30', 'Last 30 days'],
    ['90', 'Last 90 days'],
  ], filters.days);
  const locale = select('locale', [
    ['', 'Any language'],
    ['en', 'English'],
    ['nl', 'Nederlands'],
  ], filters.locale);
  const form = element(
    'form',
    { className: 'filters filters--gaps', 'aria-label': 'Choose the period' },
    field('Period', days),
    field('Language', locale),
    element('button', { type: 'submit', className: 'button', text: 'Show' }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    filters.days = days.value;
    filters.locale = locale.value;
    load();
  });

  container.append(
    element('h1', { id: 'gaps-title', tabindex: '-1', text: 'Knowledge gaps' }),
    element('p', {
      className: 'hint',
      text: 'Questions the assistant handed off, asked to clarify or answered with low confidence, grouped by need. Most asked first; the arrow compares with the period before.',
    }),
    form,
    summary,
    downloads,
    gapList,
    element('h2', { id: 'stale-title', text: 'Overdue for review, most cited first' }),
    staleList,
    element('h2', { id: 'conflicts-title', text: 'Articles that state different numbers' }),
    conflictList,
  );

  function query() {
    const parameters = new URLSearchParams({ since: `${filters.days}d` });
    if (filters.locale) parameters.set('locale', filters.locale);
    return parameters.toString();
  }

  async function load() {
    const current = query();
    replaceChildren(gapList, element('li', { className: 'empty', text: 'Loading…' }));
    replaceChildren(
      downloads,
      'Download as CSV: ',
      element('a', { href: `/api/insight/knowledge/gaps.csv?${current}`, download: 'knowledge-gaps.csv', text: 'gaps' }),
      ', ',
      element('a', { href: `/api/insight/knowledge/stale.csv?${current}`, download: 'stale-articles.csv', text: 'overdue articles' }),
      ', ',
      element('a', { href: `/api/insight/knowledge/conflicts.csv${filters.locale ? `?locale=${filters.locale}` : ''}`, download: 'conflicting-articles.csv', text: 'conflicts' }),
    );
    try {
      const [report, stale, conflicts] = await Promise.all([
        api.get(`/api/insight/knowledge/gaps?${current}`),
        api.get(`/api/insight/knowledge/stale?${current}`),
        api.get(`/api/insight/knowledge/conflicts${filters.locale ? `?locale=${filters.locale}` : ''}`),
      ]);
      if (disposed) return;
      summary.textContent = `${report.questionCount} questions without a confident answer (${report.previousQuestionCount} in the period before)${report.truncated ? '; only the most recent were grouped' : ''}.`;
      const largest = Math.max(1, ...report.clusters.map((cluster) => cluster.size));
      replaceChildren(
        gapList,
        report.clusters.length === 0
          ? element('li', { className: 'empty', text: 'No need was asked about more than once in this period.' })
          : report.clusters.map((cluster) => renderCluster(cluster, largest, current)),
      );
      replaceChildren(staleList, stale.articles.length === 0 ? element('li', { className: 'empty', text: 'No served article is overdue for review.' }) : stale.articles.map(renderStale));
      replaceChildren(
        conflictList,
        conflicts.conflicts.length === 0 ? element('li', { className: 'empty', text: 'No two articles disagree on a number.' }) : conflicts.conflicts.map(renderConflict),
      );
    } catch (error) {
      if (disposed) return;
      replaceChildren(gapList);
      fail(error);
    }
  }

  function renderCluster(cluster, largest, current) {
    const [sign, trendWord] = trendSigns[cluster.trend] ?? ['', cluster.trend];
    const drillDown = element('details', { className: 'gap-item__drill' }, element('summary', { text: `Conversations (${cluster.conversationIds.length})` }));
    const questions = element('ul', { className: 'gap-questions', dataset: { testid: 'gap-conversations' } });
    drillDown.append(questions);
    drillDown.addEventListener('toggle', async () => {
      if (!drillDown.open || questions.childElementCount > 0) return;
      try {
        const detail = await api.get(`/api/insight/knowledge/gaps/${encodeURIComponent(cluster.id)}?${current}`);
        replaceChildren(questions, detail.questions.map(renderQuestion));
      } catch (error) {
        fail(error);
      }
    });
    const item = element(
      'li',
      { className: 'gap-item', dataset: { testid: 'gap-item', clusterId: cluster.id } },
      element('p', { className: 'gap-item__label', text: cluster.label }),
      element('meter', { className: 'gap-item__bar', min: '0', max: String(largest), value: String(cluster.size), 'aria-label': `${cluster.size} questions` }),
      element(
        'p',
        { className: 'gap-item__meta' },
        element('strong', { text: `${cluster.size} ${cluster.size === 1 ? 'question' : 'questions'}` }),
        ' · ',
        element('span', { className: `trend trend--${cluster.trend}`, 'aria-label': `${trendWord}, ${cluster.previousSize} before`, text: `${sign} ${trendWord} (${cluster.previousSize} before)` }),
        ` · ${cluster.locales.map(languageName).join(', ')}`,
      ),
      element('ul', { className: 'gap-examples', 'aria-label': 'How customers asked' }, cluster.examples.map((example) => element('li', { text: example }))),
      drillDown,
    );
    if (hasRole(user, 'curator', 'admin')) {
      const create = element('button', { type: 'button', className: 'button button--primary', text: 'Create draft' });
      const actions = element('div', { className: 'gap-item__actions' }, create);
      create.addEventListener('click', () =>
        whileBusy(actions, async () => {
          try {
            const draft = await api.post(`/api/insight/knowledge/gaps/${encodeURIComponent(cluster.id)}/draft`, Object.fromEntries(new URLSearchParams(current)));
            replaceChildren(
              actions,
              element('a', { href: `#/drafts/${encodeURIComponent(draft.articleId)}`, className: 'button', dataset: { testid: 'gap-draft-link' }, text: 'Open the draft' }),
            );
            notify(draft.created ? `Created draft article ${draft.articleId}. Write the answer into it, then approve it.` : `This need was drafted before: article ${draft.articleId}.`);
          } catch (error) {
            fail(error);
          }
        }),
      );
      item.append(actions);
    }
    return item;
  }

  function renderQuestion(question) {
    const meta = `${channelName(question.channel)} · ${when(question.askedAt)} · ${decisionNames[question.decision] ?? question.decision}`;
    const canOpenCase = question.caseId && hasRole(user, 'expert', 'admin');
    return element(
      'li',
      { className: 'gap-question' },
      element('span', { className: 'gap-question__text', text: question.question }),
      element('span', { className: 'gap-question__meta', text: meta }),
      canOpenCase
        ? element('a', { href: `#/cases/${encodeURIComponent(question.caseId)}`, text: 'Open the case' })
        : element('span', { className: 'gap-question__meta', text: `Conversation ${question.conversationId}${question.caseId ? ` · case ${question.caseId}` : ''}` }),
    );
  }

  function renderStale(article) {
    return element(
      'li',
      { className: 'health-item', dataset: { testid: 'stale-item', articleId: article.id } },
      element('p', { className: 'health-item__title', text: article.title }),
      element('p', {
        className: 'health-item__meta',
        text: `${article.id} · ${languageName(article.locale)} · review was due ${article.reviewDue} (${article.daysOverdue} days ago) · cited ${article.citations} times`,
      }),
    );
  }

  function renderConflict(conflict) {
    return element(
      'li',
      { className: 'health-item', dataset: { testid: 'conflict-item' } },
      element('p', { className: 'health-item__title', text: `${conflict.left.title} ↔ ${conflict.right.title}` }),
      element(
        'ul',
        { className: 'conflict-statements' },
        conflict.statements.map((statement) =>
          element(
            'li',
            {},
            element('span', { className: 'health-item__meta', text: statement.differences.map((difference) => `${difference.kind}: ${difference.left.join(', ')} vs ${difference.right.join(', ')}`).join('; ') }),
            element('q', { text: statement.left }),
            element('q', { text: statement.right }),
          ),
        ),
      ),
    );
  }

  load();
  return () => {
    disposed = true;
  };
}

function select(name, options, selected) {
  return element(
    'select',
    { name },
    options.map(([value, label]) => element('option', { value, selected: value === selected, text: label })),
  );
}
