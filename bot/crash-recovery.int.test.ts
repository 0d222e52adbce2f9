import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPgliteDb } from '../db/pglite-db.js';
import { startScriptedLlmServer, type ScriptedLlmServer } from '../fakes/scripted-llm/scripted-llm-server.js';
import { fakeAccountSid, fakeAuthToken, startFakeTwilioApi, type FakeTwilioApi } from '../fakes/twilio-api/index.js';
import { distinctInboundSms, fireInboundSmsBurst, type InboundSms, type TwilioAccount } from '../test-support/inbound-sms-burst.js';
import { copyDataDir, createSeededDataDir } from '../test-support/seeded-data-dir.js';
import { freePort, spawnServer, type SpawnedServer } from '../test-support/spawn-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by `vitest.crash.config.ts` (`npm run test:crash`) for the full run; the normal suite runs a smaller one. */
    crashRecoveryRun?: { repetitions: number; messages: number };
  }
}

const run = inject('crashRecoveryRun') ?? { repetitions: 2, messages: 300 };
const publicBaseUrl = 'https://assistant.lumenbank.example';
const operationsToken = 'crash-recovery-operations-token';
const account: TwilioAccount = { accountSid: fakeAccountSid, authToken: fakeAuthToken, to: '+3197010000000', signedUrl: `${publicBaseUrl}/api/twilio/messages` };
/** Acknowledged webhooks Twilio would not repeat, sent again anyway: they must not be answered twice. */
const acknowledgedResent = 25;
/**
 * The language model takes this long per answer, as hosted ones do (or
 * longer): turns then overlap, so the kill lands on turns half done, not
 * only on replies waiting in the outbox.
 */
const modelLatencyMs = 300;

interface RepetitionResult {
  repetition: number;
  acknowledgedBeforeKill: number;
  answeredBeforeKill: number;
  recovered: number;
  /** Sends the killed process had started whose message the restarted one found at Twilio instead of sending again. */
  adopted: number;
  lost: number;
  duplicated: number;
  seconds: number;
}

// The must-show of production readiness: the real server, killed with SIGKILL
// in the middle of a burst of signed Twilio webhooks, restarted on the same
// embedded database; every customer gets exactly one answer. Twilio and the
// language model are local fakes in this process; only the server is killed.
describe(`crash recovery: ${run.repetitions} × kill -9 during a burst of ${run.messages} inbound SMS`, () => {
  let seed: string;
  let api: FakeTwilioApi;
  let llm: ScriptedLlmServer;
  const servers: SpawnedServer[] = [];
  const directories: string[] = [];
  const results: RepetitionResult[] = [];

  const start = async (dataDir: string) => {
    const port = await freePort();
    const server = spawnServer({
      PORT: String(port),
      DATA_DIR: dataDir,
      LOAD_SAMPLE_KNOWLEDGE: 'false',
      PUBLIC_BASE_URL: publicBaseUrl,
      TWILIO_ACCOUNT_SID: account.accountSid,
      TWILIO_AUTH_TOKEN: account.authToken,
      TWILIO_API_BASE_URL: api.baseUrl,
      TWILIO_SMS_FROM: account.to,
      OUTBOX_POLL_INTERVAL_MS: '200',
      OPERATIONS_API_TOKEN: operationsToken,
      GENERATOR: 'openai',
      OPENAI_BASE_URL: llm.baseUrl,
      OPENAI_API_KEY: 'scripted-llm-key',
    });
    servers.push(server);
    await server.listening;
    return { server, postUrl: `http://127.0.0.1:${port}/api/twilio/messages` };
  };

  beforeAll(async () => {
    api = await startFakeTwilioApi();
    llm = await startScriptedLlmServer();
    seed = await createSeededDataDir();
    directories.push(seed);
  }, 180_000);

  afterAll(async () => {
    for (const server of servers) {
      if (server.process.exitCode === null && server.process.signalCode === null) {
        server.process.kill('SIGKILL');
        await server.exited;
      }
    }
    await api?.close();
    await llm?.close();
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
    const total = results.reduce((sum, result) => ({ lost: sum.lost + result.lost, duplicated: sum.duplicated + result.duplicated, seconds: sum.seconds + result.seconds }), {
      lost: 0,
      duplicated: 0,
      seconds: 0,
    });
    process.stdout.write(
      `crash recovery: ${results.length} × ${run.messages} messages, kill -9 mid-burst: lost ${total.lost}, duplicated ${total.duplicated}, ${total.seconds.toFixed(0)} s\n`,
    );
  });

  it.for(Array.from({ length: run.repetitions }, (_, index) => index + 1))(
    'repetition %i: every customer gets exactly one answer, and the database agrees',
    { timeout: 60_000 + run.messages * 600 },
    async (repetition) => {
      const began = Date.now();
      api.reset();
      llm.reset();
      llm.setDefault({ kind: 'slow', delayMs: modelLatencyMs });
      const dataDir = copyDataDir(seed);
      directories.push(dataDir);
      const messages = distinctInboundSms(run.messages, repetition);
      // Somewhere between a third and two thirds of the way through, different each repetition.
      const killAfter = Math.round(run.messages * (0.3 + ((repetition * 0.37) % 0.3)));

      const first = await start(dataDir);
      let killed = false;
      const acknowledged = await fireInboundSmsBurst({
        postUrl: first.postUrl,
        account,
        messages,
        concurrency: 24,
        // A steady stream, so the kill lands on turns and sends under way, not only on acknowledgements.
        perSecond: 150,
        stopped: () => killed,
        onAcknowledged: (count) => {
          if (count < killAfter || killed) return;
          killed = true;
          first.server.process.kill('SIGKILL');
        },
      });
      expect(await first.server.exited).toBeNull();
      expect(first.server.process.signalCode).toBe('SIGKILL');
      const answeredBeforeKill = api.messages.length;

      // Twilio retries what it did not see acknowledged; a few acknowledged ones come again too.
      const second = await start(dataDir);
      const unacknowledged = messages.filter((sms) => !acknowledged.has(sms.messageSid));
      const resend = [...unacknowledged, ...messages.filter((sms) => acknowledged.has(sms.messageSid)).slice(0, acknowledgedResent)];
      const reacknowledged = await fireInboundSmsBurst({ postUrl: second.postUrl, account, messages: resend, concurrency: 12 });
      expect(reacknowledged.size).toBe(resend.length);

      await waitUntilSettled(second.server, api, messages, 30_000 + run.messages * 100);
      const answers = answersPerCustomer(api, messages);
      const result: RepetitionResult = {
        repetition,
        acknowledgedBeforeKill: acknowledged.size,
        answeredBeforeKill,
        recovered: recoveredTurns(second.server.stdout()),
        adopted: second.server.stdout().split('"msg":"interrupted send had reached the provider').length - 1,
        lost: answers.filter((count) => count === 0).length,
        duplicated: answers.filter((count) => count > 1).length,
        seconds: (Date.now() - began) / 1000,
      };
      results.push(result);
      process.stdout.write(
        `repetition ${repetition}: killed after ${result.acknowledgedBeforeKill} of ${run.messages} acknowledged ` +
          `(${result.answeredBeforeKill} answered by then); restarted, ${result.recovered} turns recovered, ${result.adopted} cut-off sends found at Twilio, ` +
          `${resend.length} webhooks sent again; lost ${result.lost}, duplicated ${result.duplicated}, ${result.seconds.toFixed(1)} s\n`,
      );
      expect({ lost: result.lost, duplicated: result.duplicated }).toEqual({ lost: 0, duplicated: 0 });

      second.server.process.kill('SIGTERM');
      expect(await second.server.exited).toBe(0);
      await expectDatabaseAgrees(dataDir, api, messages);
    },
  );
});

/** How many messages each customer received at the fake Twilio API, in message order. */
function answersPerCustomer(api: FakeTwilioApi, messages: readonly InboundSms[]): number[] {
  const received = new Map<string, number>();
  for (const message of api.messages) received.set(message.to, (received.get(message.to) ?? 0) + 1);
  return messages.map((sms) => received.get(sms.from) ?? 0);
}

/** Turns the restarted server's recovery sweep ran (from its logs). */
function recoveredTurns(stdout: string): number {
  let turns = 0;
  for (const line of stdout.split('\n')) {
    if (!line.includes('"msg":"recovering unanswered messages"')) continue;
    turns += Number(/"turns":(\d+)/.exec(line)?.[1] ?? 0);
  }
  return turns;
}

/**
 * Until every customer has an answer, nothing waits in the outbox or for a
 * turn, and nothing more arrives during a quiet spell longer than a recovery
 * sweep and an outbox poll; or until the deadline (the assertions then say
 * what was lost).
 */
async function waitUntilSettled(server: SpawnedServer, api: FakeTwilioApi, messages: readonly InboundSms[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const quietMs = 4_000;
  while (Date.now() < deadline) {
    const everyoneAnswered = answersPerCustomer(api, messages).every((count) => count > 0);
    if (everyoneAnswered && (await nothingWaits(server))) {
      const before = api.messages.length;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      if (api.messages.length === before && (await nothingWaits(server))) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function nothingWaits(server: SpawnedServer): Promise<boolean> {
  const response = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${operationsToken}` } });
  const text = await response.text();
  const waitingTurns = Number(/^assistant_pending_turns\{state="waiting"\} (\d+)/m.exec(text)?.[1] ?? Number.NaN);
  const outboxDepth = [...text.matchAll(/^assistant_outbox_depth\{[^}]*\} (\d+)/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
  return waitingTurns === 0 && outboxDepth === 0;
}

/** One stored inbound message, one recorded answer, one reply message and one outbox row per customer; every provider id is one the fake handed out. */
async function expectDatabaseAgrees(dataDir: string, api: FakeTwilioApi, messages: readonly InboundSms[]): Promise<void> {
  const db = await createPgliteDb({ dataDir: join(dataDir, 'pgdata') });
  try {
    const rows = await db.query<{ sid: string; answers: number; replies: number; outbox: number }>(
      `SELECT m.provider_message_id AS sid,
         (SELECT count(*) FROM answers a WHERE a.inbound_message_id = m.id)::int AS answers,
         (SELECT count(*) FROM messages r WHERE r.channel = m.channel AND r.provider_message_id = 'reply:' || m.id)::int AS replies,
         (SELECT count(*) FROM outbox o WHERE o.idempotency_key LIKE 'sms:' || m.id || ':%')::int AS outbox
       FROM messages m WHERE m.direction = 'inbound' AND m.channel = 'sms'`,
    );
    expect(rows.map((row) => row.sid).sort()).toEqual(messages.map((sms) => sms.messageSid).sort());
    expect(rows.filter((row) => row.answers !== 1 || row.replies !== 1 || row.outbox !== 1)).toEqual([]);
    expect(await db.query('SELECT inbound_message_id, attempts, last_error FROM pending_turns')).toEqual([]);
    const outbox = await db.query<{ status: string; provider_message_id: string }>('SELECT status, provider_message_id FROM outbox');
    expect(outbox.filter((row) => row.status !== 'sent')).toEqual([]);
    expect(outbox.map((row) => row.provider_message_id).sort()).toEqual(api.messages.map((message) => message.sid).sort());
  } finally {
    await db.close();
  }
}
