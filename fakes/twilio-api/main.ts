import { parseArgs } from 'node:util';
import { fakeAccountSid, fakeAuthToken, startFakeTwilioApi } from './index.js';

const usage = 'Usage: tsx fakes/twilio-api/main.ts [--port <0..65535>] [--account-sid AC…] [--auth-token <token>] [--status-callbacks]\n';

/**
 * Runs the fake Twilio API on its own, for the eval runner or by hand:
 * `tsx fakes/twilio-api/main.ts --port 0` prints the base URL (for
 * `TWILIO_API_BASE_URL`) as its only stdout line, then serves until SIGTERM
 * or SIGINT. Credentials default to `fakeAccountSid` / `fakeAuthToken`.
 */
async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  if (options === undefined) {
    process.stderr.write(usage);
    process.exitCode = 2;
    return;
  }
  const api = await startFakeTwilioApi({ ...options, host: '127.0.0.1' });
  process.stdout.write(`${api.baseUrl}\n`);
  const stop = () => {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
    void api.close();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function readOptions(args: string[]): { port: number; accountSid: string; authToken: string; statusCallbacks: boolean } | undefined {
  try {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '0' },
        'account-sid': { type: 'string', default: fakeAccountSid },
        'auth-token': { type: 'string', default: fakeAuthToken },
        'status-callbacks': { type: 'boolean', default: false },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) return undefined;
    if (!/^AC[0-9a-f]{32}$/i.test(values['account-sid']) || values['auth-token'] === '') return undefined;
    return { port, accountSid: values['account-sid'], authToken: values['auth-token'], statusCallbacks: values['status-callbacks'] };
  } catch {
    return undefined;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
