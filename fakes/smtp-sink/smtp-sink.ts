import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One delivery the sink received, accepted or refused by script. */
export interface SinkMessage {
  /** The SMTP envelope: MAIL FROM (`''` for the null sender) and RCPT TO addresses. */
  envelope: { mailFrom: string; rcptTo: string[] };
  /** The message exactly as received. */
  raw: Buffer;
  /** The message parsed with mailparser's simpleParser. */
  parsed: ParsedMail;
  receivedAt: Date;
}

/** A scripted answer to a delivery: 451 asks the sender to retry, 550 refuses for good. */
export type SinkFailureCode = 451 | 550;

export interface SmtpSinkOptions {
  /** 0 (any free port) unless given. */
  port?: number;
}

export interface SmtpSink {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** `smtp://127.0.0.1:<port>`, as nodemailer's transport takes it. */
  readonly url: string;
  /** Every accepted message, in order of arrival. */
  readonly messages: readonly SinkMessage[];
  /** Every message answered with a scripted failure, in order of arrival. */
  readonly refused: readonly SinkMessage[];
  /** Resolves with the first accepted message (already received or still to come) that matches; rejects after `timeoutMs`. */
  waitFor(predicate: (message: SinkMessage) => boolean, timeoutMs?: number): Promise<SinkMessage>;
  /** Answers the next `count` deliveries with `code` after reading them, instead of accepting them. */
  failNext(count: number, code: SinkFailureCode): void;
  /** Forgets messages, refusals and scripted failures. */
  reset(): void;
  /** Stops listening; waiting `waitFor` calls reject. */
  close(): Promise<void>;
}

const failureTexts: Record<SinkFailureCode, string> = {
  451: 'Requested action aborted: local error in processing (scripted by the SMTP sink)',
  550: 'Requested action not taken: mailbox unavailable (scripted by the SMTP sink)',
};

/**
 * A local SMTP server that keeps every message it receives, for tests and the
 * end-to-end run: the assistant's email sender delivers to it instead of a
 * real mail server. Listens on 127.0.0.1 only, without authentication or TLS.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const refused: SinkMessage[] = [];
  const failures: SinkFailureCode[] = [];
  const waiters = new Set<{ predicate: (message: SinkMessage) => boolean; resolve: (message: SinkMessage) => void; reject: (error: Error) => void }>();

  const accept = (message: SinkMessage) => {
    messages.push(message);
    for (const waiter of waiters) {
      if (!waiter.predicate(message)) continue;
      waiters.delete(waiter);
      waiter.resolve(message);
    }
  };

  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1000,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const envelope = {
          mailFrom: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
        };
        const failure = failures.shift();
        simpleParser(raw, { skipImageLinks: true }).then(
          (parsed) => {
            const message: SinkMessage = { envelope, raw, parsed, receivedAt: new Date() };
            if (failure === undefined) {
              accept(message);
              callback(null, 'Message accepted by the SMTP sink');
              return;
            }
            refused.push(message);
            callback(Object.assign(new Error(failureTexts[failure]), { responseCode: failure }));
          },
          (error: unknown) => callback(Object.assign(new Error(`The SMTP sink could not parse the message: ${String(error)}`), { responseCode: 554 })),
        );
      });
    },
  });
  // Client resets and the like must not crash the test process.
  server.on('error', () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('The SMTP sink is not listening on a TCP port');
  const port = address.port;

  return {
    host: '127.0.0.1',
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refused,
    waitFor(predicate, timeoutMs = 5000) {
      const found = messages.find(predicate);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise<SinkMessage>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`No matching message reached the SMTP sink within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        const waiter = {
          predicate,
          resolve: (message: SinkMessage) => {
            clearTimeout(timer);
            resolve(message);
          },
          reject: (error: Error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        waiters.add(waiter);
      });
    },
    failNext(count, code) {
      for (let index = 0; index < count; index += 1) failures.push(code);
    },
    reset() {
      messages.length = 0;
      refused.length = 0;
      failures.length = 0;
    },
    close() {
      for (const waiter of waiters) waiter.reject(new Error('The SMTP sink was closed'));
      waiters.clear();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
