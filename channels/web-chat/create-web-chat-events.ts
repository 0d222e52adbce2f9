import type { WebChatEvents, WebChatSubscriber } from './web-chat-events.js';

/**
 * The in-process publisher: enough for one server. Several instances behind a
 * load balancer would need a shared bus (Postgres LISTEN/NOTIFY, say) behind
 * the same interface; the streams' database catch-up already tolerates that.
 */
export function createWebChatEvents(): WebChatEvents {
  const subscribers = new Map<string, Set<WebChatSubscriber>>();

  return {
    publish(conversationId, message) {
      // A copy, so a subscriber that unsubscribes while being notified does not skip its neighbour.
      for (const subscriber of [...(subscribers.get(conversationId) ?? [])]) {
        try {
          subscriber.onMessage(message);
        } catch {
          // One broken stream must not keep the message from the others; that stream catches up on reconnect.
        }
      }
    },

    subscribe(conversationId, subscriber) {
      const set = subscribers.get(conversationId) ?? new Set<WebChatSubscriber>();
      set.add(subscriber);
      subscribers.set(conversationId, set);
      return () => {
        set.delete(subscriber);
        if (set.size === 0 && subscribers.get(conversationId) === set) subscribers.delete(conversationId);
      };
    },

    close() {
      const all = [...subscribers.values()].flatMap((set) => [...set]);
      subscribers.clear();
      for (const subscriber of all) {
        try {
          subscriber.onClose();
        } catch {
          // Closing the others matters more than one stream's failure to end cleanly.
        }
      }
    },
  };
}
