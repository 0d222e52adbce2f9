// Draft articles waiting for a curator.
import { element, replaceChildren } from '../dom.js';
import { languageName } from '../format.js';

export function renderDrafts(container, { api, fail }) {
  document.title = 'Drafts – Expert console';
  const list = element(
    'ul',
    { className: 'draft-list', dataset: { testid: 'draft-list' }, 'aria-labelledby': 'drafts-title' },
    element('li', { className: 'empty', text: 'Loading…' }),
  );
  container.append(
    element('h1', { id: 'drafts-title', tabindex: '-1', text: 'Drafts' }),
    element('p', { className: 'hint', text: 'Articles written or changed but not yet served. The bot quotes an article only once it is approved.' }),
    list,
  );
  let disposed = false;
  api
    .get('/api/kb/articles?status=draft')
    .then(({ articles }) => {
      if (disposed) return;
      replaceChildren(
        list,
        articles.length === 0
          ? element('li', { className: 'empty', text: 'No drafts to review.' })
          : articles.map((article) =>
              element(
                'li',
                { className: 'draft-item' },
                element(
                  'a',
                  {
                    href: `#/drafts/${encodeURIComponent(article.id)}`,
                    className: 'draft-item__link',
                    dataset: { testid: 'draft-link', articleId: article.id },
                  },
                  element('span', { className: 'draft-item__title', text: article.title }),
                  element('span', { className: 'draft-item__meta', text: describe(article) }),
                  article.tags.length > 0 ? element('span', { className: 'draft-item__tags', text: article.tags.join(', ') }) : undefined,
                ),
              ),
            ),
      );
    })
    .catch((error) => {
      if (disposed) return;
      replaceChildren(list);
      fail(error);
    });
  return () => {
    disposed = true;
  };
}

function describe(article) {
  const served = article.servedVersion ? ` (version ${article.servedVersion} is served)` : '';
  return `${article.id} · ${languageName(article.locale)} · version ${article.latestVersion}${served}`;
}
