import { freePort } from '../../test-support/spawn-server.js';
import { startTsxChild, waitUntilReady, type Child } from './child-process.js';

/** What the benchmark's fake Twilio account looks like to the app and to the signer. */
export interface TwilioAccount {
  accountSid: string;
  authToken: string;
  ourNumber: string;
  messagingServiceSid: string;
}

export interface AppUnderTest {
  child: Child;
  /** Where the driver sends: `http://127.0.0.1:<port>`. */
  baseUrl: string;
}

/**
 * Starts `bot/server.ts` as `npm start` does, on 127.0.0.1 with its own data
 * directory, LOG_LEVEL=warn, Twilio pointed at the local fake API (so the
 * outbox really delivers each reply over HTTP) and PUBLIC_BASE_URL as behind
 * a proxy (webhooks are signed over the public URL). Resolves once /readyz
 * answers 200.
 */
export async function startAppUnderTest(options: {
  dataDir: string;
  twilio: TwilioAccount;
  fakeTwilioBaseUrl: string;
  publicBaseUrl: string;
  nodeOptions?: string[];
  /** Modules preloaded after tsx (`query-census-preload.ts`). */
  imports?: string[];
}): Promise<AppUnderTest> {
  const port = await freePort();
  const child = startTsxChild('bot/server.ts', {
    environment: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      LOG_LEVEL: 'warn',
      PUBLIC_BASE_URL: options.publicBaseUrl,
      TWILIO_ACCOUNT_SID: options.twilio.accountSid,
      TWILIO_AUTH_TOKEN: options.twilio.authToken,
      TWILIO_API_BASE_URL: options.fakeTwilioBaseUrl,
      TWILIO_SMS_FROM: options.twilio.ourNumber,
    },
    ...(options.nodeOptions ? { nodeOptions: options.nodeOptions } : {}),
    ...(options.imports ? { imports: options.imports } : {}),
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, `${baseUrl}/readyz`, 180_000);
  return { child, baseUrl };
}
