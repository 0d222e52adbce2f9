import { SMTPServer, type SMTPServerDataStream, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import { InboundEmailTooLargeError } from './inbound-email-too-large-error.js';

/** Who handed us the message, from the SMTP dialogue rather than the headers. */
export interface SmtpEnvelope {
  /** MAIL FROM; `''` for the null sender that bounces and other notifications use. */
  mailFrom: string;
  /** RCPT TO addresses, as given. */
  rcptTo: string[];
  remoteAddress: string;
  /** smtp-server's id of the connection, for logs. */
  sessionId: string;
}

export interface SmtpListenerOptions {
  /** Interface to bind; 127.0.0.1 unless given. Bind elsewhere only with TLS and auth (see `serverOptions`). */
  host?: string;
  /** 0 picks a free port (tests); the listener reports the one it got. */
  port: number;
  /** Larger messages are refused with 552 while they arrive, never buffered beyond this. */
  maxMessageBytes: number;
  /**
   * Persists the message. Resolving accepts it (250); throwing answers 451 so the
   * sending server keeps it and tries again later, and nothing is lost. An error
   * whose `isRetryable` is `false` (the AppError contract, e.g. an email that is
   * too large or malformed) is refused for good instead: 552 when too large, 550 otherwise.
   */
  onMessage(raw: Buffer, envelope: SmtpEnvelope): Promise<void>;
  /** Whether we take mail for a RCPT TO address (refused with 550 otherwise). Every address unless given. */
  acceptsRecipient?: (address: string) => boolean;
  /** Most recipients per message. 20 unless given. */
  maxRecipients?: number;
  /** Connection-level failures (a client that resets, a TLS error); they never stop the listener. */
  onError?: (error: Error) => void;
  /**
   * Passed to smtp-server as is, for production: `key` and `cert` for STARTTLS
   * (or `secure: true` for implicit TLS), `onAuth` with `authOptional: false` to
   * require authentication (e.g. from an upstream MX that relays to us), `name`,
   * `banner`, `maxClients`, `socketTimeout`, `useProxy`. Without `key`/`cert`
   * STARTTLS is not offered, and without `onAuth` AUTH is not offered, which
   * suits a loopback listener fed by a local MTA or a test.
   */
  serverOptions?: Omit<SMTPServerOptions, 'onData' | 'onRcptTo' | 'size' | 'rejectOversized'>;
}

export interface SmtpListener {
  /** The port it listens on (the one picked when 0 was asked). */
  readonly port: number;
  /** Stops accepting connections and waits (a few seconds at most) for open ones to finish. */
  close(): Promise<void>;
}

/**
 * Receives inbound customer email over SMTP and hands each message, whole and
 * unparsed, to `onMessage`; the SMTP reply follows its outcome so that a
 * failure to persist becomes the sender's retry rather than a lost message.
 */
export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const serverOptions = options.serverOptions ?? {};
  const offersTls = serverOptions.key !== undefined || serverOptions.cert !== undefined || serverOptions.secure === true;
  const disabledCommands = [...(serverOptions.onAuth ? [] : ['AUTH']), ...(offersTls ? [] : ['STARTTLS'])];

  const server = new SMTPServer({
    disabledCommands,
    authOptional: serverOptions.onAuth === undefined,
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 5000,
    maxRecipients: options.maxRecipients ?? 20,
    ...serverOptions,
    size: options.maxMessageBytes,
    rejectOversized: true,
    onRcptTo(address, _session, callback) {
      if (options.acceptsRecipient === undefined || options.acceptsRecipient(address.address)) return callback();
      callback(smtpReply(550, 'Mailbox unavailable'));
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      let received = 0;
      stream.on('data', (chunk: Buffer) => {
        received += chunk.length;
        // Past the limit the rest is drained, not kept: smtp-server refuses the message with 552 at the end.
        if (received <= options.maxMessageBytes) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpReply(552, `Message exceeds the maximum size of ${options.maxMessageBytes} bytes`));
        const envelope: SmtpEnvelope = {
          mailFrom: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
          remoteAddress: session.remoteAddress,
          sessionId: session.id,
        };
        options.onMessage(Buffer.concat(chunks), envelope).then(
          () => callback(null, 'Message accepted'),
          (error: unknown) => callback(refusal(error)),
        );
      });
    },
  });
  server.on('error', (error: Error) => options.onError?.(error));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('The SMTP listener is not listening on a TCP port');

  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The SMTP reply for a failed `onMessage`. The error's own text stays inside: it may name internals. */
function refusal(error: unknown): Error {
  if (error instanceof InboundEmailTooLargeError) return smtpReply(552, 'Message too large');
  if (typeof error === 'object' && error !== null && 'isRetryable' in error && error.isRetryable === false) {
    return smtpReply(550, 'Message refused');
  }
  return smtpReply(451, 'Temporary failure, please try again later');
}

function smtpReply(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}
