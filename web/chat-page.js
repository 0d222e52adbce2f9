// The minimal browser client for POST /api/web-chat/messages.
const log = document.getElementById('chat-log');
const form = document.getElementById('chat-form');
const input = document.getElementById('chat-input');
const send = document.getElementById('chat-send');
const status = document.getElementById('chat-status');

let conversationId;

function addMessage(kind, text, citations = []) {
  const item = document.createElement('li');
  item.className = `message message--${kind}`;
  item.textContent = text;
  if (citations.length > 0) {
    const sources = document.createElement('ol');
    sources.className = 'message__sources';
    sources.setAttribute('aria-label', 'Sources');
    for (const citation of citations) {
      const entry = document.createElement('li');
      const link = document.createElement('a');
      link.href = citation.url;
      link.textContent = citation.title;
      link.target = '_blank';
      link.rel = 'noopener';
      entry.append(link);
      sources.append(entry);
    }
    item.append(sources);
  }
  log.append(item);
  item.scrollIntoView({ block: 'end', behavior: 'smooth' });
}

async function ask(text) {
  const response = await fetch('/api/web-chat/messages', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text, clientMessageId: crypto.randomUUID(), ...(conversationId ? { conversationId } : {}) }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `The service answered ${response.status}`);
  return body;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (text === '') return;
  addMessage('customer', text);
  input.value = '';
  send.disabled = true;
  status.textContent = 'The assistant is looking this up…';
  try {
    const body = await ask(text);
    conversationId = body.conversationId;
    if (body.disclosure) addMessage('notice', body.disclosure);
    for (const reply of body.replies) {
      addMessage(reply.decision === 'handoff' ? 'bot message--handoff' : 'bot', reply.text, reply.citations);
    }
    status.textContent = '';
  } catch (error) {
    status.textContent = `Your message could not be sent: ${error.message}. Please try again.`;
    input.value = text;
  } finally {
    send.disabled = false;
    input.focus();
  }
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});
