import { signedTwilioRequest } from '../fakes/twilio-api/sign-twilio-webhook.js';

/** One customer's SMS as Twilio posts it to our webhook. */
export interface InboundSms {
  messageSid: string;
  /** A distinct number per message, so "one answer per customer" is unambiguous. */
  from: string;
  body: string;
}

export interface TwilioAccount {
  accountSid: string;
  authToken: string;
  /** Our number the customers write to. */
  to: string;
  /** The URL Twilio signs: PUBLIC_BASE_URL + /api/twilio/messages. */
  signedUrl: string;
}

const questions = [
  'I lost my debit card, how do I block it?',
  'I forgot my PIN code',
  'What does a replacement card cost?',
  'How fast does an instant payment arrive?',
];

/**
 * `count` distinct customers' messages; `run` keeps the Twilio ids and
 * numbers of separate runs apart. Each question carries its own reference, so
 * no two are the same question (decided once and then cached): every turn
 * does the full work.
 */
export function distinctInboundSms(count: number, run: number): InboundSms[] {
  return Array.from({ length: count }, (_, index) => ({
    messageSid: `SM${run.toString(16).padStart(8, '0')}${index.toString(16).padStart(24, '0')}`,
    from: `+316${String(run % 100).padStart(2, '0')}${String(index).padStart(6, '0')}`,
    body: `${questions[index % questions.length] ?? ''} Ref ${index}.`,
  }));
}

/** Posts one signed Twilio SMS webhook to `postUrl`, as Twilio does (the same MessageSid when it redelivers). */
export function sendInboundSms(postUrl: string, account: TwilioAccount, sms: InboundSms): Promise<Response> {
  const params = {
    MessageSid: sms.messageSid,
    SmsSid: sms.messageSid,
    AccountSid: account.accountSid,
    From: sms.from,
    To: account.to,
    Body: sms.body,
    NumMedia: '0',
    NumSegments: '1',
    ApiVersion: '2010-04-01',
  };
  return fetch(postUrl, signedTwilioRequest({ authToken: account.authToken, url: account.signedUrl, params }));
}

/** Posts one signed webhook to `postUrl`; true when it was acknowledged (200), false when refused or cut off. */
export async function postInboundSms(postUrl: string, account: TwilioAccount, sms: InboundSms): Promise<boolean> {
  try {
    const response = await sendInboundSms(postUrl, account, sms);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

export interface BurstOptions {
  postUrl: string;
  account: TwilioAccount;
  messages: readonly InboundSms[];
  /** Webhooks in flight at once, as Twilio's parallel deliveries. */
  concurrency: number;
  /** Called after each acknowledgement with the count so far (a test kills the server here). */
  onAcknowledged?: (acknowledged: number) => void;
  /** Once true, no further webhook is started. */
  stopped?: () => boolean;
  /** At most this many webhooks started a second (evenly spaced), as a steady stream rather than all at once. */
  perSecond?: number;
}

/** Posts every message with bounded concurrency; resolves with the Twilio ids that were acknowledged. */
export async function fireInboundSmsBurst(options: BurstOptions): Promise<Set<string>> {
  const acknowledged = new Set<string>();
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < options.messages.length && !options.stopped?.()) {
      const index = next;
      const sms = options.messages[index];
      next += 1;
      const due = options.perSecond === undefined ? 0 : started + (index * 1000) / options.perSecond - performance.now();
      if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
      if (options.stopped?.()) break;
      if (sms && (await postInboundSms(options.postUrl, options.account, sms))) {
        acknowledged.add(sms.messageSid);
        options.onAcknowledged?.(acknowledged.size);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return acknowledged;
}
