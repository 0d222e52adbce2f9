// The conversation of a case, oldest first, with "Save as knowledge draft" on
// the signed-in expert's own replies.
import { element, field, replaceChildren, whileBusy } from '../dom.js';
import { isMe, when } from '../format.js';

const titleMaxLength = 200;

/**
 * Renders `detail.transcript` into `list`. `drafting` remembers which reply has
 * its title form open (and the title typed so far) and which replies became
 * drafts, so a refresh of the case keeps both.
 */
export function renderTranscript(list, detail, { user, drafting, saveDraft }) {
  replaceChildren(
    list,
    detail.transcript.map((message, index) => {
      const mine = message.author === 'expert' && isMe(user, message.authorId);
      return element(
        'li',
        {
          className: `message message--${message.author}${mine ? ' message--mine' : ''}`,
          dataset: { testid: `message-${message.author}`, messageId: message.id ?? '' },
        },
        element(
          'p',
          { className: 'message__meta' },
          element('strong', { className: 'message__author', text: authorName(message, user) }),
          ' ',
          element('time', { datetime: message.at, text: when(message.at) }),
        ),
        element('p', { className: 'message__text', text: message.text }),
        mine && message.id ? draftControls(message, questionBefore(detail, index), { drafting, saveDraft }) : undefined,
      );
    }),
  );
}

function authorName(message, user) {
  if (message.author === 'customer') return 'Customer';
  if (message.author === 'bot') return 'Bot';
  if (isMe(user, message.authorId)) return `${user.displayName || user.username} (you)`;
  return message.authorId ?? 'Expert';
}

/**
 * The question the reply answers, as the draft's suggested title: the
 * customer's message that opened the case (the last one before it opened),
 * not a later "hello?"; failing that, the customer's last message before the reply.
 */
function questionBefore(detail, index) {
  const earlier = detail.transcript.slice(0, index).filter((message) => message.author === 'customer');
  const opening = earlier.findLast((message) => Date.parse(message.at) <= Date.parse(detail.openedAt));
  return ((opening ?? earlier.at(-1))?.text ?? '').replace(/\s+/g, ' ').trim().slice(0, titleMaxLength);
}

function draftControls(message, question, { drafting, saveDraft }) {
  const saved = drafting.saved.get(message.id);
  if (saved) {
    const text = `Saved as draft article ${saved.articleId} (version ${saved.version}).`;
    return element('p', { className: 'message__draft', dataset: { testid: 'draft-saved' }, text });
  }
  if (drafting.messageId !== message.id) {
    return element('button', {
      type: 'button',
      className: 'button button--small',
      dataset: { testid: 'save-as-draft' },
      onclick: () => drafting.open(message.id, question),
      text: 'Save as knowledge draft',
    });
  }
  const title = element('input', {
    type: 'text',
    name: 'title',
    required: true,
    minlength: '3',
    maxlength: String(titleMaxLength),
    dataset: { testid: 'draft-title' },
  });
  title.value = drafting.title;
  title.addEventListener('input', () => {
    drafting.title = title.value;
  });
  const form = element(
    'form',
    { className: 'draft-form', 'aria-label': 'Save this reply as a knowledge draft' },
    field('Article title', title, 'Curators review the draft before the bot may quote it. Personal data is removed.'),
    element(
      'div',
      { className: 'button-row' },
      element('button', { type: 'submit', className: 'button button--primary', dataset: { testid: 'draft-save' }, text: 'Save draft' }),
      element('button', { type: 'button', className: 'button button--quiet', onclick: () => drafting.close(), text: 'Cancel' }),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileBusy(form, () => saveDraft(message.id, title.value.trim()));
  });
  if (drafting.justOpened) {
    drafting.justOpened = false;
    queueMicrotask(() => title.focus());
  }
  return form;
}
