// Sign-in: username and password, with the server's refusal shown in the form.
import { describeError } from '../api.js';
import { element, field, whileBusy } from '../dom.js';

export function renderSignIn(container, { api, notify, onSignedIn }) {
  const username = element('input', {
    name: 'username',
    type: 'text',
    autocomplete: 'username',
    autocapitalize: 'none',
    spellcheck: 'false',
    required: true,
    maxlength: '320',
    dataset: { testid: 'sign-in-username' },
  });
  const password = element('input', {
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    maxlength: '256',
    dataset: { testid: 'sign-in-password' },
  });
  const problem = element('p', { className: 'form-error', role: 'alert', dataset: { testid: 'sign-in-error' } });
  const form = element(
    'form',
    { className: 'card sign-in', novalidate: true, 'aria-labelledby': 'sign-in-title' },
    element('h1', { id: 'sign-in-title', tabindex: '-1', text: 'Sign in' }),
    element('p', { className: 'hint', text: 'For the service team: experts, curators and administrators.' }),
    field('Username', username),
    field('Password', password),
    problem,
    element('button', { type: 'submit', className: 'button button--primary', dataset: { testid: 'sign-in-submit' }, text: 'Sign in' }),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.textContent = '';
    if (username.value.trim() === '' || password.value === '') {
      problem.textContent = 'Enter your username and password.';
      (username.value.trim() === '' ? username : password).focus();
      return;
    }
    try {
      const session = await whileBusy(form, () => api.post('/api/console/session', { username: username.value.trim(), password: password.value }));
      notify('');
      onSignedIn(session);
    } catch (error) {
      password.value = '';
      problem.textContent = error.status === 401 ? 'That username and password do not match an active account.' : describeError(error);
      password.focus();
    }
  });
  container.append(form);
  username.focus();
}
