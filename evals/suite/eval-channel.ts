/** The channels a run drives; `email` is email over SMTP to the app's own listener. */
export const evalChannels = ['sms', 'whatsapp', 'email', 'web-chat', 'bot-framework'] as const;

export type EvalChannel = (typeof evalChannels)[number];

/** The channel paraphrase consistency is measured on when several ran: it shows the full answer with its citations. */
export const referenceChannelPreference: readonly EvalChannel[] = ['web-chat', 'bot-framework', 'whatsapp', 'email', 'sms'];

export function referenceChannelOf(channels: readonly EvalChannel[]): EvalChannel | undefined {
  return referenceChannelPreference.find((channel) => channels.includes(channel));
}
