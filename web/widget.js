// The embeddable web-chat widget. A host page adds it with one tag:
//   <script src="https://chat.example/widget.js" data-locale="nl" async></script>
// Optional: data-open="true" opens the chat when the page loads.
// Plain browser JavaScript with no build step; everything lives in a shadow
// root so the host page's CSS cannot reach it. The API is the origin (and
// path) the script itself was loaded from.
(() => {
  'use strict';

  const script = document.currentScript ?? document.querySelector('script[src*="widget.js"]');
  // A second copy of the tag on the same page must not add a second widget.
  if (!(script instanceof HTMLScriptElement) || document.querySelector('lumen-web-chat')) return;

  const apiBase = new URL('.', script.src);
  const locale = script.dataset.locale === 'nl' || (!script.dataset.locale && document.documentElement.lang.startsWith('nl')) ? 'nl' : 'en';
  const storageKey = `lumen-web-chat:${apiBase.href}`;
  const sendRetryDelaysMs = [1000, 3000];
  const maxReconnectDelayMs = 30000;

  const texts = {
    en: {
      open: 'Open chat with the Lumen Bank assistant',
      openUnread: 'Open chat with the Lumen Bank assistant, new message',
      close: 'Close chat',
      title: 'Lumen Bank assistant',
      intro: 'Automated assistant. Answers come only from our help articles, with sources.',
      conversation: 'Conversation',
      label: 'Your question',
      placeholder: 'Ask a question…',
      send: 'Send',
      typing: 'The assistant is typing…',
      sources: 'Sources',
      newTab: '(opens in a new tab)',
      authors: { customer: 'You:', bot: 'Assistant:', expert: 'Service team:' },
      failed: 'Your message could not be sent. Please try again.',
      reconnecting: 'Connection lost. Reconnecting…',
      restarted: 'That conversation is no longer available, so a new one has started.',
    },
    nl: {
      open: 'Open de chat met de assistent van Lumen Bank',
      openUnread: 'Open de chat met de assistent van Lumen Bank, nieuw bericht',
      close: 'Chat sluiten',
      title: 'Assistent van Lumen Bank',
      intro: 'Geautomatiseerde assistent. Antwoorden komen alleen uit onze helpartikelen, met bronnen.',
      conversation: 'Gesprek',
      label: 'Uw vraag',
      placeholder: 'Stel een vraag…',
      send: 'Versturen',
      typing: 'De assistent typt…',
      sources: 'Bronnen',
      newTab: '(opent in een nieuw tabblad)',
      authors: { customer: 'U:', bot: 'Assistent:', expert: 'Serviceteam:' },
      failed: 'Uw bericht kon niet worden verstuurd. Probeer het opnieuw.',
      reconnecting: 'Verbinding verbroken. Opnieuw verbinden…',
      restarted: 'Dat gesprek is niet meer beschikbaar; er is een nieuw gesprek gestart.',
    },
  }[locale];

  const styles = `
    :host { all: initial; }
    *, *::before, *::after { box-sizing: border-box; }
    .launcher {
      position: fixed; right: max(1rem, env(safe-area-inset-right)); bottom: max(1rem, env(safe-area-inset-bottom));
      z-index: 2147483000; width: 3.5rem; height: 3.5rem; border-radius: 50%; border: 0; padding: 0;
      display: grid; place-items: center; background: #0b5cad; color: #fff; cursor: pointer;
      box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.3);
    }
    .launcher[aria-expanded="true"] { display: none; }
    .launcher--unread::after {
      content: ""; position: absolute; top: 0.15rem; right: 0.15rem; width: 0.85rem; height: 0.85rem;
      border-radius: 50%; background: #d4351c; border: 2px solid #fff;
    }
    .panel {
      position: fixed; inset: 0; z-index: 2147483001; display: flex; flex-direction: column;
      background: #fff; color: #1b1b1b; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
    }
    .panel[hidden] { display: none; }
    @media (min-width: 480px) {
      .panel {
        inset: auto 1rem 1rem auto; width: 24rem; height: min(40rem, calc(100vh - 2rem));
        border-radius: 0.75rem; overflow: hidden; box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.3);
      }
    }
    .header { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; padding: 0.5rem 0.5rem 0.5rem 1rem; background: #0b5cad; color: #fff; }
    .title { margin: 0; font-size: 1.05rem; font-weight: 600; }
    .close { width: 2.75rem; height: 2.75rem; border: 0; border-radius: 0.5rem; background: none; color: inherit; font: inherit; font-size: 1.6rem; line-height: 1; cursor: pointer; }
    .intro { margin: 0; padding: 0.5rem 1rem; font-size: 0.85rem; background: #eef4fb; }
    .log { list-style: none; margin: 0; padding: 0.75rem 1rem; flex: 1; overflow-y: auto; display: flex; flex-direction: column; gap: 0.5rem; }
    .message { max-width: 85%; padding: 0.6rem 0.8rem; border-radius: 0.75rem; white-space: pre-wrap; overflow-wrap: anywhere; }
    .message--customer { align-self: flex-end; background: #0b5cad; color: #fff; }
    .message--bot, .message--expert { align-self: flex-start; background: #f0f2f4; }
    .message--expert { border-left: 4px solid #00703c; }
    .author { display: block; font-size: 0.8rem; font-weight: 600; color: #00703c; }
    .message--handoff { border-left: 4px solid #c77700; }
    .message--notice { align-self: center; max-width: 100%; background: none; color: #505a5f; font-size: 0.8rem; text-align: center; }
    .sources { margin: 0.4rem 0 0; padding-left: 1.2rem; font-size: 0.875rem; white-space: normal; }
    .sources a { color: #0b4a8b; text-decoration: underline; }
    .typing { display: flex; align-items: center; gap: 0.5rem; padding: 0 1rem; font-size: 0.85rem; color: #505a5f; }
    .typing--on { padding-bottom: 0.25rem; }
    .typing:not(.typing--on) .dots { display: none; }
    .dots { display: inline-flex; gap: 0.2rem; }
    .dots span { width: 0.45rem; height: 0.45rem; border-radius: 50%; background: currentColor; animation: blink 1.2s infinite ease-in-out; }
    .dots span:nth-child(2) { animation-delay: 0.2s; }
    .dots span:nth-child(3) { animation-delay: 0.4s; }
    @keyframes blink { 0%, 80%, 100% { opacity: 0.25; } 40% { opacity: 1; } }
    .status { margin: 0; padding: 0 1rem; font-size: 0.85rem; color: #a0240f; }
    .status:empty { display: none; }
    .form { display: flex; gap: 0.5rem; padding: 0.75rem 1rem calc(0.75rem + env(safe-area-inset-bottom)); border-top: 1px solid #d0d5da; }
    .input { flex: 1; min-height: 2.75rem; max-height: 8rem; padding: 0.55rem 0.6rem; border: 1px solid #6f777b; border-radius: 0.5rem; font: inherit; resize: none; color: inherit; background: #fff; }
    .send { min-height: 2.75rem; padding: 0.5rem 1rem; border: 0; border-radius: 0.5rem; background: #0b5cad; color: #fff; font: inherit; cursor: pointer; }
    .send:disabled { opacity: 0.6; cursor: progress; }
    :focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
    @media (prefers-reduced-motion: reduce) { .dots span { animation: none; opacity: 0.6; } }
  `;

  const markup = `
    <button class="launcher" type="button" aria-haspopup="dialog" aria-expanded="false" aria-controls="panel">
      <svg aria-hidden="true" focusable="false" width="28" height="28" viewBox="0 0 24 24" fill="currentColor">
        <path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/>
      </svg>
    </button>
    <section class="panel" id="panel" role="dialog" aria-labelledby="title" aria-describedby="intro" hidden>
      <header class="header">
        <h2 class="title" id="title"></h2>
        <button class="close" type="button"><span aria-hidden="true">×</span></button>
      </header>
      <p class="intro" id="intro"></p>
      <ol class="log" role="log" aria-live="polite" aria-relevant="additions"></ol>
      <div class="typing" role="status"><span class="dots" aria-hidden="true"><span></span><span></span><span></span></span><span class="typing__text"></span></div>
      <p class="status" role="status"></p>
      <form class="form">
        <label class="visually-hidden" for="input"></label>
        <textarea class="input" id="input" rows="1" maxlength="2000" autocomplete="off" enterkeyhint="send"></textarea>
        <button class="send" type="submit"></button>
      </form>
    </section>
  `;

  const host = document.createElement('lumen-web-chat');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = styles;
  const template = document.createElement('template');
  template.innerHTML = markup;
  root.append(style, template.content);

  const find = (selector) => root.querySelector(selector);
  const launcher = find('.launcher');
  const panel = find('.panel');
  const closeButton = find('.close');
  const log = find('.log');
  const typing = find('.typing');
  const typingText = find('.typing__text');
  const status = find('.status');
  const form = find('.form');
  const input = find('.input');
  const sendButton = find('.send');

  launcher.setAttribute('aria-label', texts.open);
  find('.title').textContent = texts.title;
  closeButton.setAttribute('aria-label', texts.close);
  find('.intro').textContent = texts.intro;
  log.setAttribute('aria-label', texts.conversation);
  find('label').textContent = texts.label;
  input.placeholder = texts.placeholder;
  sendButton.textContent = texts.send;

  const fullScreen = window.matchMedia('(max-width: 479.98px)');
  const rendered = new Set();
  let conversation = readSaved();
  let lastMessageId;
  let events;
  let reconnectDelayMs = 1000;
  let reconnectTimer;
  let disclosureShown = false;
  let onScreen = false;

  // ---- opening and closing ----

  function open({ focus = true } = {}) {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    launcher.classList.remove('launcher--unread');
    launcher.setAttribute('aria-label', texts.open);
    updateModality();
    log.scrollTop = log.scrollHeight;
    if (focus) input.focus();
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  // Full screen on a phone the dialog covers the page, so it is modal there and keeps focus inside.
  function updateModality() {
    if (fullScreen.matches) panel.setAttribute('aria-modal', 'true');
    else panel.removeAttribute('aria-modal');
  }

  function trapFocus(event) {
    if (!fullScreen.matches) return;
    const focusable = [...panel.querySelectorAll('button, a[href], textarea')].filter((element) => !element.disabled);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && root.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && root.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  launcher.addEventListener('click', () => open());
  closeButton.addEventListener('click', close);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') {
      trapFocus(event);
    }
  });
  fullScreen.addEventListener('change', updateModality);

  // ---- rendering ----

  function addItem(item) {
    log.append(item);
    log.scrollTop = log.scrollHeight;
  }

  function showDisclosure(text) {
    if (disclosureShown || !text) return;
    disclosureShown = true;
    const item = document.createElement('li');
    item.className = 'message message--notice';
    item.textContent = text;
    addItem(item);
  }

  function safeLink(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
    } catch {
      return undefined;
    }
  }

  /** Renders a message once, however many ways it arrives (reply, event stream, history). */
  function showMessage(message) {
    if (message.id) {
      if (rendered.has(message.id)) return;
      rendered.add(message.id);
      lastMessageId = message.id;
    }
    const item = document.createElement('li');
    item.className = `message message--${message.author}${message.decision === 'handoff' ? ' message--handoff' : ''}`;
    const who = document.createElement('span');
    // A person's reply is labelled on screen too; for the others the bubble's side and colour say who wrote it.
    who.className = message.author === 'expert' ? 'author' : 'visually-hidden';
    who.textContent = `${texts.authors[message.author] ?? ''} `;
    item.append(who, document.createTextNode(message.text));
    const citations = (message.citations ?? []).filter((citation) => safeLink(citation.url));
    if (citations.length > 0) {
      const sources = document.createElement('ol');
      sources.className = 'sources';
      sources.setAttribute('aria-label', texts.sources);
      for (const citation of citations) {
        const entry = document.createElement('li');
        const link = document.createElement('a');
        link.href = safeLink(citation.url);
        link.target = '_blank';
        link.rel = 'noopener';
        link.textContent = citation.title;
        const hint = document.createElement('span');
        hint.className = 'visually-hidden';
        hint.textContent = ` ${texts.newTab}`;
        link.append(hint);
        entry.append(link);
        sources.append(entry);
      }
      item.append(sources);
    }
    addItem(item);
    return item;
  }

  // The status region stays in place and only its text changes, so screen readers announce it.
  function setTyping(on) {
    typing.classList.toggle('typing--on', on);
    typingText.textContent = on ? texts.typing : '';
  }

  function setStatus(text) {
    status.textContent = text;
  }

  // ---- the conversation: saved, resumed, forgotten ----

  function readSaved() {
    try {
      const saved = JSON.parse(window.localStorage.getItem(storageKey) ?? 'null');
      return saved && typeof saved.conversationId === 'string' && typeof saved.token === 'string' ? saved : undefined;
    } catch {
      return undefined;
    }
  }

  function save(value) {
    conversation = value;
    try {
      if (value) window.localStorage.setItem(storageKey, JSON.stringify(value));
      else window.localStorage.removeItem(storageKey);
    } catch {
      // Storage can be blocked (private mode, policies): the chat still works, it just does not survive a reload.
    }
  }

  function forget() {
    save(undefined);
    disconnect();
    lastMessageId = undefined;
    onScreen = false;
  }

  function apiUrl(path) {
    return new URL(`api/web-chat/${path}`, apiBase);
  }

  function authorization() {
    return conversation ? { Authorization: `Bearer ${conversation.token}` } : {};
  }

  /**
   * Loads the history and opens the event stream. Once the conversation is on screen,
   * the customer's own messages are there already (without ids), so only replies are added.
   */
  async function resume() {
    if (!conversation) return;
    let response;
    try {
      response = await fetch(apiUrl(`conversations/${encodeURIComponent(conversation.conversationId)}/messages`), {
        headers: authorization(),
      });
    } catch {
      scheduleReconnect();
      return;
    }
    if (response.status === 404) {
      forget();
      return;
    }
    if (!response.ok) {
      scheduleReconnect();
      return;
    }
    const body = await response.json();
    showDisclosure(body.disclosure);
    for (const message of body.messages ?? []) if (!onScreen || message.author !== 'customer') showMessage(message);
    onScreen = true;
    connect();
  }

  // ---- live replies: server-sent events ----

  function connect() {
    if (!conversation || events) return;
    const url = apiUrl(`conversations/${encodeURIComponent(conversation.conversationId)}/events`);
    // EventSource cannot send an Authorization header, and sends Last-Event-ID only on its own reconnects.
    url.searchParams.set('token', conversation.token);
    if (lastMessageId) url.searchParams.set('lastEventId', lastMessageId);
    const source = new EventSource(url);
    events = source;
    source.addEventListener('open', () => {
      reconnectDelayMs = 1000;
      if (status.textContent === texts.reconnecting) setStatus('');
    });
    source.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (typeof message?.id !== 'string' || typeof message.text !== 'string') return;
      if (showMessage(message) && panel.hidden) {
        launcher.classList.add('launcher--unread');
        launcher.setAttribute('aria-label', texts.openUnread);
      }
    });
    source.addEventListener('error', () => {
      if (!panel.hidden) setStatus(texts.reconnecting);
      // The browser retries by itself (with Last-Event-ID) unless the server refused the stream.
      if (source.readyState === EventSource.CLOSED) {
        disconnect();
        scheduleReconnect();
      }
    });
  }

  function disconnect() {
    events?.close();
    events = undefined;
    window.clearTimeout(reconnectTimer);
  }

  function scheduleReconnect() {
    window.clearTimeout(reconnectTimer);
    reconnectTimer = window.setTimeout(() => void resume(), reconnectDelayMs);
    reconnectDelayMs = Math.min(reconnectDelayMs * 2, maxReconnectDelayMs);
  }

  window.addEventListener('online', () => {
    if (conversation && !events) void resume();
  });

  // ---- sending ----

  function randomId() {
    if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    // randomUUID exists only in secure contexts; a host page on plain http still has getRandomValues.
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
  }

  const wait = (ms) => new Promise((resolve) => window.setTimeout(resolve, ms));

  /** Posts with retries; the same clientMessageId on every attempt means the server answers at most once. */
  async function post(text, clientMessageId) {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const response = await fetch(apiUrl('messages'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...authorization() },
          body: JSON.stringify({
            text,
            clientMessageId,
            locale,
            ...(conversation ? { conversationId: conversation.conversationId } : {}),
          }),
        });
        if (response.status < 500 || attempt >= sendRetryDelaysMs.length) return response;
      } catch (error) {
        if (attempt >= sendRetryDelaysMs.length) throw error;
      }
      await wait(sendRetryDelaysMs[attempt]);
    }
  }

  async function send(text) {
    const pending = showMessage({ author: 'customer', text, citations: [] });
    input.value = '';
    sendButton.disabled = true;
    setStatus('');
    setTyping(true);
    try {
      let response = await post(text, randomId());
      if (response.status === 404 && conversation) {
        // The conversation expired or its token no longer fits: start afresh rather than lose the question.
        forget();
        setStatus(texts.restarted);
        response = await post(text, randomId());
      }
      if (!response.ok) throw new Error(`status ${response.status}`);
      const body = await response.json();
      if (body.conversationToken) save({ conversationId: body.conversationId, token: body.conversationToken });
      onScreen = true;
      showDisclosure(body.disclosure);
      for (const reply of body.replies ?? []) showMessage({ ...reply, author: 'bot' });
      connect();
    } catch {
      pending.remove();
      if (input.value === '') input.value = text;
      setStatus(texts.failed);
    } finally {
      setTyping(false);
      sendButton.disabled = false;
      if (!panel.hidden) input.focus();
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text === '' || sendButton.disabled) return;
    void send(text);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  // ---- start ----

  function start() {
    document.body.append(host);
    if (script.dataset.open === 'true') open({ focus: false });
    void resume();
  }

  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
})();
