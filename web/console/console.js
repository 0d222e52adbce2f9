// The expert console: sign-in, then the sections the person's roles open,
// each a hash route rendered by one module under views/. No framework and no
// inline script, so the page runs under `default-src 'self'`.
import { createApi, describeError } from './api.js';
import { element, replaceChildren } from './dom.js';
import { hasRole } from './format.js';
import { renderCase } from './views/case-view.js';
import { renderDraftEditor } from './views/draft-editor.js';
import { renderDrafts } from './views/drafts.js';
import { renderInsightDashboard } from './views/insight-dashboard.js';
import { renderKnowledgeGaps } from './views/knowledge-gaps.js';
import { renderQueue } from './views/queue.js';
import { renderSignIn } from './views/sign-in.js';
import { renderUsers } from './views/users.js';

const caseRoles = ['expert', 'admin'];
const curationRoles = ['curator', 'admin'];
const knowledgeInsightRoles = ['supervisor', 'curator', 'admin'];
const insightRoles = ['supervisor', 'curator', 'admin'];
const sections = [
  { hash: '#/queue', label: 'Queue', roles: caseRoles },
  { hash: '#/drafts', label: 'Drafts', roles: curationRoles },
  { hash: '#/knowledge-gaps', label: 'Knowledge gaps', roles: knowledgeInsightRoles },
  { hash: '#/insight', label: 'Insight', roles: insightRoles },
  { hash: '#/users', label: 'Users', roles: ['admin'] },
];
const routes = [
  { pattern: /^#\/queue$/, roles: caseRoles, render: renderQueue },
  { pattern: /^#\/cases\/([^/]+)$/, roles: caseRoles, render: renderCase },
  { pattern: /^#\/drafts$/, roles: curationRoles, render: renderDrafts },
  { pattern: /^#\/drafts\/([^/]+)$/, roles: curationRoles, render: renderDraftEditor },
  { pattern: /^#\/knowledge-gaps$/, roles: knowledgeInsightRoles, render: renderKnowledgeGaps },
  { pattern: /^#\/insight$/, roles: insightRoles, render: renderInsightDashboard },
  { pattern: /^#\/users$/, roles: ['admin'], render: renderUsers },
];

const view = document.getElementById('view');
const account = document.querySelector('[data-testid="account"]');
const navigation = document.querySelector('[data-testid="navigation"]');
const statusNotice = document.querySelector('[data-testid="status"]');
const errorNotice = document.querySelector('[data-testid="error"]');
const api = createApi({ onUnauthorized: () => signedOut('Your session has ended. Sign in again.', true) });

let user;
let disposeView;
/** A message for the next view, shown once the route has changed. */
let carriedNotice = { text: '', isError: false };

function notify(message) {
  errorNotice.textContent = '';
  statusNotice.textContent = message;
}

function fail(problem) {
  statusNotice.textContent = '';
  errorNotice.textContent = typeof problem === 'string' ? problem : describeError(problem);
}

/** Goes to another section; `notice` survives the change of view. */
function navigate(hash, notice = '') {
  carriedNotice = { text: notice, isError: false };
  if (location.hash === hash) route();
  else location.hash = hash;
}

function homeOf(signedInUser) {
  return sections.find((section) => hasRole(signedInUser, ...section.roles))?.hash;
}

function route() {
  disposeView?.();
  disposeView = undefined;
  if (carriedNotice.isError) fail(carriedNotice.text);
  else notify(carriedNotice.text);
  carriedNotice = { text: '', isError: false };
  if (!user) return showSignIn();
  const home = homeOf(user);
  const matched = routes.map((candidate) => ({ candidate, match: candidate.pattern.exec(location.hash) })).find(({ match }) => match);
  if (!home) {
    replaceChildren(
      view,
      element('h1', { tabindex: '-1', text: 'No sections' }),
      element('p', { text: 'Your account has no role that opens a section of the console. Ask an administrator.' }),
    );
    return undefined;
  }
  if (!matched || !hasRole(user, ...matched.candidate.roles)) {
    if (matched) carriedNotice = { text: `That section needs one of these roles: ${matched.candidate.roles.join(', ')}.`, isError: true };
    history.replaceState(null, '', home);
    return route();
  }
  markCurrentSection();
  const parameters = matched.match.slice(1).map((value) => decodeURIComponent(value));
  view.replaceChildren();
  disposeView = matched.candidate.render(view, { api, user, notify, fail, navigate }, ...parameters);
  view.querySelector('h1')?.focus({ preventScroll: true });
  return undefined;
}

function markCurrentSection() {
  for (const link of navigation.querySelectorAll('a')) {
    const current = location.hash === link.hash || location.hash.startsWith(`${link.dataset.prefix}/`);
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function showSignIn() {
  document.title = 'Sign in – Expert console';
  view.replaceChildren();
  renderSignIn(view, { api, notify, fail, onSignedIn: signedIn });
}

function signedIn(session) {
  user = session.user;
  api.setCsrfToken(session.csrfToken);
  account.querySelector('[data-testid="user-name"]').textContent = user.displayName || user.username;
  account.hidden = false;
  const links = sections
    .filter((section) => hasRole(user, ...section.roles))
    .map((section) =>
      element('a', {
        href: section.hash,
        className: 'tabs__link',
        // A case belongs to the queue: its tab stays marked while one is open.
        dataset: { prefix: section.hash === '#/queue' ? '#/cases' : section.hash, testid: `nav-${section.label.toLowerCase()}` },
        text: section.label,
      }),
    );
  replaceChildren(navigation, links);
  navigation.hidden = false;
  route();
}

function signedOut(message, keepPlace = false) {
  disposeView?.();
  disposeView = undefined;
  user = undefined;
  api.setCsrfToken('');
  account.hidden = true;
  navigation.hidden = true;
  navigation.replaceChildren();
  if (!keepPlace) history.replaceState(null, '', location.pathname);
  showSignIn();
  if (keepPlace) fail(message);
  else notify(message);
}

account.querySelector('[data-testid="sign-out"]').addEventListener('click', async () => {
  try {
    await api.delete('/api/console/session');
    signedOut('You have signed out.');
  } catch (problem) {
    fail(problem);
  }
});

window.addEventListener('hashchange', () => {
  if (user) route();
});

try {
  signedIn(await api.get('/api/console/session'));
} catch (problem) {
  showSignIn();
  if (problem.status !== 401) fail(problem);
}
