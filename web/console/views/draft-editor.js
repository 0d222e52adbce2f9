// One draft article: edit its title and body, save, approve.
import { element, field, whileBusy } from '../dom.js';
import { languageName } from '../format.js';

export function renderDraftEditor(container, { api, notify, fail }, articleId) {
  document.title = 'Draft – Expert console';
  const path = `/api/kb/articles/${encodeURIComponent(articleId)}`;
  const heading = element('h1', { tabindex: '-1', text: 'Draft' });
  const about = element('p', { className: 'hint', dataset: { testid: 'draft-about' } });
  const title = element('input', { type: 'text', name: 'title', required: true, maxlength: '200', dataset: { testid: 'draft-edit-title' } });
  const body = element('textarea', { name: 'body', rows: '16', required: true, spellcheck: 'true', dataset: { testid: 'draft-edit-body' } });
  const save = element('button', { type: 'submit', className: 'button', dataset: { testid: 'draft-save-changes' }, text: 'Save draft' });
  const approve = element('button', { type: 'button', className: 'button button--primary', dataset: { testid: 'draft-approve' }, text: 'Approve' });
  const approveHint = element('p', { className: 'hint', id: 'approve-hint' });
  approve.setAttribute('aria-describedby', approveHint.id);
  const form = element(
    'form',
    { className: 'panel draft-editor', 'aria-labelledby': 'draft-form-title' },
    element('h2', { id: 'draft-form-title', className: 'visually-hidden', text: 'Edit the draft' }),
    field('Title', title),
    field('Body (Markdown)', body, 'The first heading is the customer question the article answers.'),
    element('div', { className: 'button-row' }, save, approve),
    approveHint,
  );

  let article;
  let saved = { title: '', body: '' };
  let disposed = false;
  const isDraft = () => article?.latestStatus === 'draft';
  const isDirty = () => title.value !== saved.title || body.value !== saved.body;

  function refreshState() {
    const editable = isDraft();
    title.readOnly = !editable;
    body.readOnly = !editable;
    save.disabled = !editable || !isDirty();
    approve.disabled = !editable || isDirty();
    approveHint.textContent = !editable
      ? 'Only a draft can be changed or approved here.'
      : isDirty()
        ? 'Save your changes before approving.'
        : 'Approving serves this version to customers on every channel.';
  }

  async function load() {
    const loaded = await api.get(path);
    if (disposed) return;
    article = loaded;
    saved = { title: loaded.title, body: loaded.body };
    title.value = saved.title;
    body.value = saved.body;
    heading.textContent = loaded.title;
    const served = loaded.servedVersion ? `version ${loaded.servedVersion} is served` : 'not served yet';
    const state = `version ${loaded.latestVersion}, ${loaded.latestStatus.replace('_', ' ')}`;
    about.textContent = `${loaded.id} · ${languageName(loaded.locale)} · ${state} · ${served}`;
    refreshState();
  }

  form.addEventListener('input', refreshState);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (title.value.trim() === '' || body.value.trim() === '') return fail('A draft needs a title and a body.');
    try {
      const result = await whileBusy(form, () => api.put(`${path}/draft`, { title: title.value.trim(), body: body.value }));
      await load();
      notify(`Draft saved${typeof result?.version === 'number' ? ` as version ${result.version}` : ''}.`);
    } catch (error) {
      fail(error);
    }
    refreshState();
  });
  approve.addEventListener('click', async () => {
    try {
      const result = await whileBusy(form, () => api.post(`${path}/approve`, {}));
      await load();
      notify(`Approved version ${result.version}. The bot may now quote it.`);
    } catch (error) {
      fail(error);
    }
    refreshState();
  });

  container.append(element('p', { className: 'back' }, element('a', { href: '#/drafts', text: '← Drafts' })), heading, about, form);
  load().catch((error) => {
    if (!disposed) fail(error);
  });
  return () => {
    disposed = true;
  };
}
