// Insight: how the service is doing, for supervisors, curators and admins.
// Tiles for the headline figures, a trend line, handoff reasons as bars, an
// SLA gauge and a table by channel; every number opens the conversations behind it.
import { element, field, replaceChildren } from '../dom.js';
import { channelName, languageName } from '../format.js';
import { bar } from './charts/bar.js';
import { percent } from './charts/svg.js';
import { slaGauge } from './charts/sla-gauge.js';
import { trendLine } from './charts/trend-line.js';
import { createDrillDown } from './insight-drill-down.js';

const slaTarget = 0.9;
// Kept between visits, like the queue's filters.
const filters = { since: '7d', period: 'day', channel: '', locale: '' };

export function renderInsightDashboard(container, { api, user, fail }) {
  document.title = 'Insight – Expert console';
  const drill = createDrillDown({ api, user, fail });
  const body = element('div', { className: 'insight', dataset: { testid: 'insight' }, 'aria-live': 'polite', 'aria-busy': 'true' }, element('p', { className: 'loading', text: 'Loading…' }));
  const download = element('a', { className: 'insight__download', dataset: { testid: 'insight-csv' }, text: 'Download CSV' });
  let disposed = false;

  const select = (name, options) => {
    const control = element('select', { name, dataset: { testid: `insight-${name}` } }, options.map(([value, label]) => element('option', { value, text: label })));
    control.value = filters[name];
    control.addEventListener('change', () => {
      filters[name] = control.value;
      void load();
      drill.follow(drillFilter());
    });
    return control;
  };
  const form = element(
    'form',
    { className: 'filters filters--insight', 'aria-label': 'Choose the figures' },
    field('Period', select('since', [['24h', 'Last 24 hours'], ['7d', 'Last 7 days'], ['30d', 'Last 30 days'], ['90d', 'Last 90 days']])),
    field('Trend by', select('period', [['day', 'Day'], ['week', 'Week']])),
    field('Channel', select('channel', [['', 'All channels'], ...['whatsapp', 'sms', 'email', 'web-chat', 'bot-framework'].map((value) => [value, channelName(value)])])),
    field('Language', select('locale', [['', 'Any language'], ['en', 'English'], ['nl', 'Nederlands']])),
  );
  form.addEventListener('submit', (event) => event.preventDefault());

  function query() {
    return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
  }

  async function load() {
    const parameters = new URLSearchParams(query());
    download.href = `/api/insight/summary.csv?${parameters}`;
    body.setAttribute('aria-busy', 'true');
    try {
      const summary = await api.get(`/api/insight/summary?${parameters}`);
      if (disposed) return;
      replaceChildren(body, render(summary));
    } catch (error) {
      if (!disposed) fail(error);
    } finally {
      body.setAttribute('aria-busy', 'false');
    }
  }

  /** The filter a drill-down takes: the trend bucket does not change which conversations a number counted. */
  function drillFilter() {
    const filter = query();
    delete filter.period;
    return filter;
  }

  function open(label, figure, extra) {
    drill.show(label, figure, drillFilter(), extra);
  }

  function render(summary) {
    const { overall } = summary;
    const tiles = element(
      'div',
      { className: 'kpis' },
      tile('automated', 'Resolved by the bot', percent(overall.conversations.automatedRate), `${overall.conversations.automated} of ${overall.conversations.decided} conversations`, () =>
        open('resolved by the bot', 'automated'),
      ),
      tile('handoff-rate', 'Handed to a person', percent(overall.decisions.handoffRate), `${overall.decisions.handoffs} of ${overall.decisions.total} decisions`, () =>
        open('handoffs', 'handoffs'),
      ),
      tile('breaches', 'Past reply-by time now', String(summary.breachesNow.total), 'cases waiting', () => open('cases past their reply-by time now', 'breaches'), summary.breachesNow.total > 0),
      tile('first-response', 'First response (median)', duration(overall.cases.firstResponseSeconds.p50), `p95 ${duration(overall.cases.firstResponseSeconds.p95)} · ${overall.cases.opened} cases`, () =>
        open('cases opened', 'escalated'),
      ),
      tile('resolution', 'Time to resolution (median)', duration(overall.cases.resolutionSeconds.p50), `${overall.cases.resolved} resolved`, () => open('cases opened', 'escalated')),
      tile(
        'csat',
        'Satisfaction with people',
        overall.satisfaction.person.average === null ? '–' : `${overall.satisfaction.person.average} / 5`,
        `${overall.satisfaction.person.responses} scores · bot: not asked`,
        () => open('scores of 1 or 2', 'low_satisfaction'),
      ),
      tile('delivery', 'Delivery failures', percent(overall.delivery.failureRate), `${overall.delivery.failed + overall.delivery.dead} of ${overall.delivery.messages} messages`, () =>
        open('failed deliveries', 'delivery_failures'),
      ),
      tile('latency', 'Answer time (median)', overall.answerLatency.p50Ms === null ? '–' : `${Math.round(overall.answerLatency.p50Ms)} ms`, `p95 ${overall.answerLatency.p95Ms === null ? '–' : `${Math.round(overall.answerLatency.p95Ms)} ms`}`, () =>
        open('conversations', 'conversations'),
      ),
    );
    const trend = element(
      'section',
      { className: 'panel', 'aria-labelledby': 'trend-title' },
      element('h2', { id: 'trend-title', text: `Trend by ${summary.filter.period}` }),
      trendLine({
        title: 'Share resolved by the bot and share of decisions handed off',
        points: summary.trend.map((entry) => ({ label: entry.periodStart, values: [entry.conversations.automatedRate, entry.decisions.handoffRate] })),
        series: [
          { name: 'Resolved by the bot', className: 'series--automated' },
          { name: 'Handed off', className: 'series--handoff' },
        ],
      }),
      element('p', { className: 'legend' }, element('span', { className: 'legend__key series--automated', text: 'Resolved by the bot' }), element('span', { className: 'legend__key series--handoff', text: 'Handed off' })),
    );
    const sla = element(
      'section',
      { className: 'panel', 'aria-labelledby': 'sla-title' },
      element('h2', { id: 'sla-title', text: 'Replies within the SLA' }),
      slaGauge({ title: 'First responses within the reply-by time', share: overall.cases.sla.attainment, target: slaTarget }),
      element(
        'p',
        { className: 'panel__note' },
        element('button', { type: 'button', className: 'link-button', dataset: { testid: 'sla-met' }, onclick: () => open('replies within the SLA', 'sla_met'), text: `${overall.cases.sla.met} in time` }),
        ' · ',
        element('button', { type: 'button', className: 'link-button', dataset: { testid: 'sla-missed' }, onclick: () => open('replies after the SLA', 'sla_missed'), text: `${overall.cases.sla.missed} late` }),
        ` · target ${percent(slaTarget)}`,
      ),
    );
    return [tiles, element('div', { className: 'insight__charts' }, trend, sla, reasons(overall), byChannel(summary))];
  }

  function tile(name, label, value, detail, onclick, alert = false) {
    return element(
      'button',
      { type: 'button', className: alert ? 'kpi kpi--alert' : 'kpi', dataset: { testid: `kpi-${name}` }, onclick },
      element('span', { className: 'kpi__label', text: label }),
      element('span', { className: 'kpi__value', dataset: { testid: `kpi-${name}-value` }, text: value }),
      element('span', { className: 'kpi__detail', text: detail }),
    );
  }

  function reasons(overall) {
    const causes = overall.decisions.byReason;
    const most = Math.max(1, ...causes.map((cause) => cause.handoffs));
    const rows = causes.map((cause) =>
      element(
        'li',
        {},
        element(
          'button',
          { type: 'button', className: 'bar-row', dataset: { testid: 'reason-bar', reason: cause.cause }, onclick: () => open(`handoffs for ${cause.cause}`, 'handoffs', { reason: cause.cause }) },
          element('span', { className: 'bar-row__label', text: cause.cause.replace(/_/g, ' ') }),
          bar(cause.handoffs / most),
          element('span', { className: 'bar-row__value', text: `${cause.handoffs} (${percent(cause.rate)})` }),
        ),
      ),
    );
    return element(
      'section',
      { className: 'panel', 'aria-labelledby': 'reasons-title' },
      element('h2', { id: 'reasons-title', text: 'Why conversations went to a person' }),
      element('p', { className: 'hint', text: 'Handoffs by reason; the share is of all decisions. A handoff can have two reasons.' }),
      rows.length === 0 ? element('p', { className: 'empty', text: 'No handoffs in this period.' }) : element('ul', { className: 'bar-list' }, rows),
    );
  }

  function byChannel(summary) {
    const head = ['Channel', 'Conversations', 'Resolved by the bot', 'Handed off', 'SLA met', 'Satisfaction', 'Delivery failures'];
    const rows = summary.byChannel.map((entry) =>
      element(
        'tr',
        { dataset: { testid: 'channel-row', channel: entry.channel } },
        element('th', { scope: 'row', text: channelName(entry.channel) }),
        element('td', { text: String(entry.conversations.started) }),
        element('td', { text: percent(entry.conversations.automatedRate) }),
        element('td', { text: percent(entry.decisions.handoffRate) }),
        element('td', { text: percent(entry.cases.sla.attainment) }),
        element('td', { text: entry.satisfaction.person.average === null ? '–' : String(entry.satisfaction.person.average) }),
        element('td', { text: percent(entry.delivery.failureRate) }),
      ),
    );
    const locales = summary.byLocale.map((entry) => `${languageName(entry.locale)}: ${entry.conversations.started} conversations, ${percent(entry.conversations.automatedRate)} by the bot`);
    return element(
      'section',
      { className: 'panel panel--wide', 'aria-labelledby': 'channels-title' },
      element('h2', { id: 'channels-title', text: 'By channel' }),
      element(
        'div',
        { className: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'channels-title' },
        element('table', { className: 'figures-table' }, element('thead', {}, element('tr', {}, head.map((text) => element('th', { scope: 'col', text })))), element('tbody', {}, rows)),
      ),
      element('p', { className: 'hint', text: locales.join(' · ') }),
    );
  }

  container.append(
    element('h1', { tabindex: '-1', text: 'Insight' }),
    element('p', { className: 'hint', text: 'How the service did in the period. Choose a number to see the conversations behind it.' }),
    form,
    element('p', { className: 'downloads' }, download),
    body,
    drill.element,
  );
  void load();
  return () => {
    disposed = true;
  };
}

/** Seconds as a short duration. */
function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}
