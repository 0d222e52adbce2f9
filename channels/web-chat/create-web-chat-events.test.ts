import { describe, expect, it, vi } from 'vitest';
import { createWebChatEvents } from './create-web-chat-events.js';
import type { WebChatMessage } from './web-chat-message.js';

const message: WebChatMessage = { id: 'message-1', author: 'expert', text: 'Your card is blocked now.', citations: [] };

function subscriber() {
  return { onMessage: vi.fn(), onClose: vi.fn() };
}

describe('createWebChatEvents', () => {
  it('delivers a message to the subscribers of its conversation only', () => {
    const events = createWebChatEvents();
    const mine = subscriber();
    const other = subscriber();
    events.subscribe('conversation-1', mine);
    events.subscribe('conversation-2', other);
    events.publish('conversation-1', message);
    expect(mine.onMessage).toHaveBeenCalledWith(message);
    expect(other.onMessage).not.toHaveBeenCalled();
  });

  it('stops delivering after unsubscribing', () => {
    const events = createWebChatEvents();
    const mine = subscriber();
    const unsubscribe = events.subscribe('conversation-1', mine);
    unsubscribe();
    events.publish('conversation-1', message);
    expect(mine.onMessage).not.toHaveBeenCalled();
  });

  it('keeps delivering to the others when one subscriber throws', () => {
    const events = createWebChatEvents();
    const broken = { onMessage: () => { throw new Error('socket gone'); }, onClose: vi.fn() };
    const healthy = subscriber();
    events.subscribe('conversation-1', broken);
    events.subscribe('conversation-1', healthy);
    events.publish('conversation-1', message);
    expect(healthy.onMessage).toHaveBeenCalledWith(message);
  });

  it('publishes to nobody without error', () => {
    expect(() => createWebChatEvents().publish('conversation-1', message)).not.toThrow();
  });

  it('tells every subscriber when it closes, and delivers nothing afterwards', () => {
    const events = createWebChatEvents();
    const first = subscriber();
    const second = subscriber();
    events.subscribe('conversation-1', first);
    events.subscribe('conversation-2', second);
    events.close();
    events.publish('conversation-1', message);
    expect(first.onClose).toHaveBeenCalledOnce();
    expect(second.onClose).toHaveBeenCalledOnce();
    expect(first.onMessage).not.toHaveBeenCalled();
  });
});
