// One case: what happened, who holds it, and what the expert can do about it.
import { element, field, whileBusy } from '../dom.js';
import { channelName, isActive, isMe } from '../format.js';
import { renderBotDraft, renderSources, renderSummary } from './case-panels.js';
import { renderTranscript } from './case-transcript.js';

const refreshEveryMs = 10_000;

const deliveryNotices = {
  queued: 'Reply sent. It is on its way to the customer.',
  template_queued: "Reply stored. The customer's 24-hour WhatsApp window has closed, so they get the approved template inviting them back.",
  published: 'Reply sent to the web chat.',
};

export function renderCase(container, { api, user, notify, fail }, caseId) {
  document.title = 'Case – Expert console';
  const path = `/api/cases/${encodeURIComponent(caseId)}`;
  const heading = element('h1', { tabindex: '-1', text: 'Case' });
  const summary = element('section', { className: 'panel case-summary', 'aria-label': 'Case summary', dataset: { testid: 'case-summary' } });
  const transcript = element('ol', { className: 'transcript', dataset: { testid: 'transcript' }, 'aria-label': 'Conversation' });
  const botDraft = element('section', { className: 'panel case-bot-draft', 'aria-labelledby': 'bot-draft-title', dataset: { testid: 'bot-draft' } });
  const sources = element('section', { className: 'panel case-sources', 'aria-labelledby': 'sources-title', dataset: { testid: 'sources' } });
  const replyText = element('textarea', { name: 'text', rows: '5', maxlength: '4000', required: true, dataset: { testid: 'reply-text' } });
  const replyHint = element('p', { className: 'hint', id: 'reply-hint' });
  replyText.setAttribute('aria-describedby', replyHint.id);
  const sendReply = element('button', { type: 'submit', className: 'button button--primary', dataset: { testid: 'reply-send' }, text: 'Send reply' });
  const replyForm = element(
    'form',
    { className: 'panel case-reply', 'aria-label': 'Reply to the customer' },
    field('Your reply to the customer', replyText),
    replyHint,
    sendReply,
  );

  let detail;
  let disposed = false;
  let timer;
  const drafting = {
    messageId: undefined,
    title: '',
    justOpened: false,
    saved: new Map(),
    open(messageId, question) {
      Object.assign(drafting, { messageId, title: question, justOpened: true });
      show();
    },
    close() {
      drafting.messageId = undefined;
      show();
    },
  };

  async function load() {
    try {
      const loaded = await api.get(path);
      if (disposed) return;
      detail = loaded;
      show();
    } catch (error) {
      if (disposed) return;
      fail(error);
      if (error.status === 403 || error.status === 404) closeCase(error.status);
    }
  }

  /** The case is not (or no longer) this person's to see: say so instead of showing stale details. */
  function closeCase(status) {
    clearInterval(timer);
    heading.textContent = status === 403 ? 'Case not available to you' : 'Case not found';
    const text =
      status === 403
        ? 'Another expert holds this case, or your roles do not allow it. Pick another case from the queue.'
        : 'This case does not exist.';
    layout.replaceWith(element('p', { dataset: { testid: 'case-unavailable' }, text }));
  }

  async function act(action, body, notice) {
    try {
      const result = await api.post(`${path}/${action}`, body);
      notify(typeof notice === 'function' ? notice(result) : notice);
    } catch (error) {
      fail(error);
    }
    await load();
  }

  async function saveDraft(messageId, title) {
    try {
      const draft = await api.post(`${path}/knowledge-drafts`, { messageId, title });
      drafting.saved.set(messageId, draft);
      drafting.messageId = undefined;
      notify(`Saved as draft article ${draft.articleId} (version ${draft.version}). A curator reviews it before the bot may use it.`);
      show();
    } catch (error) {
      fail(error);
    }
  }

  function show() {
    if (!detail) return;
    const mine = isMe(user, detail.assignee);
    const canReply = detail.status === 'claimed' && mine;
    heading.textContent = `Case: ${channelName(detail.channel)}, ${detail.skill}`;
    renderSummary(summary, detail, user, act);
    renderTranscript(transcript, detail, { user, drafting, saveDraft });
    renderBotDraft(botDraft, detail, canReply, replyText);
    renderSources(sources, detail.retrieved ?? []);
    replyText.disabled = !canReply;
    sendReply.disabled = !canReply;
    replyHint.textContent = canReply
      ? `Sent on ${channelName(detail.channel)} under your name.`
      : !isActive(detail)
        ? 'This case is closed.'
        : detail.assignee && !mine
          ? `${detail.assignee} holds this case.`
          : 'Claim the case to reply.';
  }

  replyForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = replyText.value.trim();
    if (text === '') return fail('Write a reply first.');
    try {
      const sent = await whileBusy(replyForm, () => api.post(`${path}/replies`, { text }));
      replyText.value = '';
      const delivery = sent?.delivery;
      if (delivery?.outcome === 'not_sent') fail(`Your reply is in the transcript but was not sent: ${delivery.reason}.`);
      else notify(deliveryNotices[delivery?.outcome] ?? 'Reply sent.');
    } catch (error) {
      fail(error);
    }
    await load();
  });

  const conversation = element(
    'div',
    { className: 'case-conversation' },
    element(
      'section',
      { className: 'panel', 'aria-labelledby': 'transcript-title' },
      element('h2', { id: 'transcript-title', text: 'Conversation' }),
      transcript,
    ),
    replyForm,
  );
  const layout = element('div', { className: 'case-layout' }, summary, conversation, botDraft, sources);
  container.append(element('p', { className: 'back' }, element('a', { href: '#/queue', text: '← Queue' })), heading, layout);
  void load();
  timer = setInterval(load, refreshEveryMs);
  return () => {
    disposed = true;
    clearInterval(timer);
  };
}
