export { createWebChatEvents } from './create-web-chat-events.js';
export type { WebChatEvents, WebChatSubscriber } from './web-chat-events.js';
export type { WebChatAuthor, WebChatMessage } from './web-chat-message.js';
export { createWebChatRoutes, type WebChatRoutesDependencies } from './web-chat-routes.js';
