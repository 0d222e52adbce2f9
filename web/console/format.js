// How the console words cases for people: labels, languages, time to the SLA.

const languageNames = { en: 'English', nl: 'Nederlands' };
const channelNames = { whatsapp: 'WhatsApp', sms: 'SMS', email: 'Email', 'web-chat': 'Web chat', 'bot-framework': 'Teams / Direct Line' };
const statusNames = { open: 'Open', claimed: 'Claimed', resolved: 'Resolved', handed_back: 'Back with the bot' };

export const languageName = (locale) => languageNames[locale] ?? locale;
export const channelName = (channel) => channelNames[channel] ?? channel;
export const statusName = (status) => statusNames[status] ?? status;

/** Whether the case is still with a person (not resolved, not back with the bot). */
export const isActive = (summary) => summary.status === 'open' || summary.status === 'claimed';

/** Time left until the SLA is due, "overdue …" once it has passed, "closed" when no longer waiting. */
export function slaText(summary, now = Date.now()) {
  if (!isActive(summary)) return { text: 'closed', overdue: false };
  const left = Date.parse(summary.slaDueAt) - now;
  if (left <= 0) return { text: `overdue by ${duration(-left)}`, overdue: true };
  if (summary.breached) return { text: 'overdue', overdue: true };
  return { text: `${duration(left)} left`, overdue: false };
}

function duration(milliseconds) {
  const minutes = Math.max(1, Math.round(milliseconds / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** A local date and time, short. */
export function when(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

/** Whether the person signed in is the one named (cases and messages name people by username or id). */
export function isMe(user, name) {
  return name !== null && name !== undefined && (name === user.username || name === user.id);
}

/** Whether the user has any of these roles. */
export function hasRole(user, ...roles) {
  return Array.isArray(user.roles) && user.roles.some((role) => roles.includes(role));
}
