import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRetrievalSet } from '../evals/retrieval/retrieval-set.js';
import { readUnanswerableQuestions } from '../evals/unanswerable/unanswerable-questions.js';
import {
  createChannelDrivers,
  createEmailSmtpDriver,
  startChannelTestApp,
  type ChannelDriver,
  type ChannelTestApp,
} from '../test-support/channel-drivers/index.js';

/**
 * The same question must get the same decision and cite the same articles on
 * every channel: channels only carry the question in and render the answer
 * out. Each question is asked by a fresh customer on each channel, so no
 * earlier turn colours the reading.
 */

/** One of each style in the retrieval set (sms, typo, casual, formal, paraphrase, slang, two Dutch), then two the assistant must not answer. */
const retrievalIds = ['rs-145', 'rs-085', 'rs-109', 'rs-229', 'rs-133', 'rs-033', 'rs-409', 'rs-445'];
const unanswerableIds = ['un-001', 'un-071'];

interface Case {
  id: string;
  question: string;
}

let harness: ChannelTestApp;
let drivers: ChannelDriver[];
let cases: Case[];

beforeAll(async () => {
  harness = await startChannelTestApp();
  drivers = createChannelDrivers(harness);
  const retrieval = await readRetrievalSet();
  const unanswerable = await readUnanswerableQuestions();
  cases = [...retrievalIds.map((id) => retrieval.find((row) => row.id === id)), ...unanswerableIds.map((id) => unanswerable.find((row) => row.id === id))].map(
    (row, index) => {
      if (!row) throw new Error(`Question ${[...retrievalIds, ...unanswerableIds][index]} is missing from the eval sets`);
      return { id: row.id, question: row.question };
    },
  );
});
afterAll(async () => {
  await harness?.close();
});

/** What the customer got on one channel, as one comparable line: the decision and the sorted cited articles. */
async function outcomeOn(driver: ChannelDriver, question: string): Promise<string> {
  const sender = driver.newSender();
  const { status } = await driver.send(question, { sender });
  if (status !== driver.expects.acceptedStatus) return `refused with ${status}`;
  const replies = await driver.repliesTo(sender);
  if (replies.length !== 1) return `${replies.length} replies`;
  const [reply] = replies;
  return `${reply?.decision ?? 'no decision'} [${[...new Set(reply?.citedArticleIds ?? [])].sort().join(', ')}]`;
}

describe('the same question on every channel', () => {
  it('gets the same decision and the same cited articles everywhere', async () => {
    const table: { id: string; question: string; outcomes: Record<string, string> }[] = [];
    for (const { id, question } of cases) {
      const outcomes: Record<string, string> = {};
      for (const driver of drivers) outcomes[driver.name] = await outcomeOn(driver, question);
      table.push({ id, question, outcomes });
    }

    const inconsistent = table.filter(({ outcomes }) => new Set(Object.values(outcomes)).size !== 1);
    const consistent = table.length - inconsistent.length;
    const share = `${consistent}/${table.length} cases (${Math.round((100 * consistent) / table.length)}%) fully consistent across ${drivers.length} channels`;
    expect(inconsistent, `${share}; these differ:\n${JSON.stringify(inconsistent, null, 2)}`).toEqual([]);

    // Consistent, and not trivially so: the answerable ones are answered with sources, the unanswerable ones are not.
    const byId = new Map(table.map((row) => [row.id, Object.values(row.outcomes)[0] ?? '']));
    for (const id of unanswerableIds) expect(byId.get(id), `${id}: ${share}`).toBe('handoff []');
    const answered = retrievalIds.filter((id) => byId.get(id)?.startsWith('answer [') && !byId.get(id)?.endsWith('[]'));
    expect(answered.length, `answered with sources: ${answered.join(', ')}`).toBeGreaterThanOrEqual(6);
  }, 60_000);

  it('gets the same decision by email when the customer greets and signs off, as people do in email', async () => {
    const email = createEmailSmtpDriver(harness);
    const differing: { id: string; plain: string; signed: string }[] = [];
    for (const { id, question } of cases) {
      const plain = await outcomeOn(email, question);
      const signed = await outcomeOn(email, `Hi,\n\n${question}\n\nKind regards,\nEmma Jansen`);
      if (signed !== plain) differing.push({ id, plain, signed });
    }
    const consistent = cases.length - differing.length;
    const share = `${consistent}/${cases.length} cases (${Math.round((100 * consistent) / cases.length)}%) unchanged by a greeting and sign-off`;
    expect(differing, `${share}; these differ:\n${JSON.stringify(differing, null, 2)}`).toEqual([]);
  }, 60_000);
});
