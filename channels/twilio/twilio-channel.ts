import type { OutboundChannel } from '../../outbox/channel-sender.js';

/** The two channels Twilio carries for us: plain SMS and WhatsApp. */
export type TwilioChannel = Extract<OutboundChannel, 'sms' | 'whatsapp'>;
