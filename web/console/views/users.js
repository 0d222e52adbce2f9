// Staff accounts: who may sign in, with which roles and skills.
import { element, field, replaceChildren, whileBusy } from '../dom.js';

const roles = [
  ['expert', 'Expert: answers cases'],
  ['curator', 'Curator: reviews and approves articles'],
  ['admin', 'Administrator: everything, and accounts'],
  ['supervisor', 'Supervisor: reads the service figures'],
];

export function renderUsers(container, { api, user, notify, fail }) {
  document.title = 'Users – Expert console';
  const list = element('ul', { className: 'user-list', dataset: { testid: 'user-list' }, 'aria-labelledby': 'users-title' });
  let disposed = false;

  async function load() {
    try {
      const body = await api.get('/api/console/users');
      if (disposed) return;
      const users = Array.isArray(body) ? body : body.users;
      replaceChildren(list, users.length === 0 ? element('li', { className: 'empty', text: 'No accounts yet.' }) : users.map(userItem));
    } catch (error) {
      if (!disposed) fail(error);
    }
  }

  function userItem(account) {
    const self = account.id === user.id;
    const toggle = element('button', {
      type: 'button',
      className: 'button button--small',
      disabled: self,
      title: self ? 'You cannot disable your own account' : undefined,
      dataset: { testid: account.disabled ? 'user-enable' : 'user-disable', username: account.username },
      text: account.disabled ? 'Enable' : 'Disable',
    });
    toggle.addEventListener('click', async () => {
      toggle.disabled = true;
      try {
        await api.patch(`/api/console/users/${encodeURIComponent(account.id)}`, { disabled: !account.disabled });
        notify(`${account.username} is ${account.disabled ? 'enabled' : 'disabled'}.`);
      } catch (error) {
        fail(error);
      }
      await load();
    });
    return element(
      'li',
      { className: account.disabled ? 'user-item user-item--disabled' : 'user-item', dataset: { testid: 'user-item', username: account.username } },
      element(
        'p',
        { className: 'user-item__name' },
        element('strong', { text: account.displayName }),
        ` (${account.username})`,
        account.disabled ? ' · disabled' : '',
      ),
      element('p', { className: 'user-item__meta', text: rolesAndSkills(account) }),
      toggle,
    );
  }

  container.append(element('h1', { id: 'users-title', tabindex: '-1', text: 'Users' }), list, createForm({ api, notify, fail, load }));
  void load();
  return () => {
    disposed = true;
  };
}

function createForm({ api, notify, fail, load }) {
  const text = (name, extra) => element('input', { type: 'text', name, autocomplete: 'off', ...extra });
  const username = text('username', { autocapitalize: 'none', spellcheck: 'false', required: true, maxlength: '64' });
  const displayName = text('displayName', { required: true, maxlength: '100' });
  const password = element('input', { type: 'password', name: 'password', autocomplete: 'new-password', required: true, maxlength: '256' });
  const skills = text('skills', {});
  const roleBoxes = roles.map(([value, label]) => ({
    value,
    label,
    box: element('input', { type: 'checkbox', name: 'roles', value, dataset: { testid: `new-user-role-${value}` } }),
  }));
  const form = element(
    'form',
    { className: 'panel user-form', 'aria-labelledby': 'new-user-title' },
    element('h2', { id: 'new-user-title', text: 'Add a person' }),
    field('Username', username, '2 to 64 lowercase letters, digits or . _ @ -; used to sign in.'),
    field('Display name', displayName),
    field('Password', password, 'At least 12 characters. Give it to the person privately.'),
    element(
      'fieldset',
      { className: 'field' },
      element('legend', { text: 'Roles' }),
      roleBoxes.map(({ box, label }) => element('label', { className: 'check' }, box, ` ${label}`)),
    ),
    field('Skills', skills, 'Comma-separated queues, e.g. general, fraud.'),
    element('button', { type: 'submit', className: 'button button--primary', dataset: { testid: 'new-user-create' }, text: 'Add person' }),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosenRoles = roleBoxes.filter(({ box }) => box.checked).map(({ value }) => value);
    if (chosenRoles.length === 0) return fail('Choose at least one role.');
    const body = {
      username: username.value.trim(),
      displayName: displayName.value.trim(),
      password: password.value,
      roles: chosenRoles,
      skills: skills.value.split(',').map((skill) => skill.trim()).filter((skill) => skill !== ''),
    };
    try {
      await whileBusy(form, () => api.post('/api/console/users', body));
      form.reset();
      notify(`${body.username} can sign in now.`);
      await load();
    } catch (error) {
      fail(error);
    }
  });
  return form;
}

function rolesAndSkills(account) {
  const skills = account.skills?.length ? ` · Skills: ${account.skills.join(', ')}` : '';
  return `Roles: ${(account.roles ?? []).join(', ') || 'none'}${skills}`;
}
