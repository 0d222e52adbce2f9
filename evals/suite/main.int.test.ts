import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScriptedLlmServer } from '../../fakes/scripted-llm/index.js';
import { runEvalCommand } from './cli/run-eval-command.js';
import type { EvalReport } from './report/eval-report.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A help centre that is not the sample bank's: three articles exported as JSON Lines. */
const documents = [
  {
    id: 'bike-rental-hours',
    title: 'Bike rental opening hours',
    text: 'Our bike rental shop on the harbour is open every day from 09:00 to 18:00. On public holidays the rental shop closes at 16:00. You can return a rented bike until closing time.',
    url: 'https://help.harbourbikes.example/rental-hours',
    locale: 'en',
  },
  {
    id: 'helmet-policy',
    title: 'Helmets for rented bikes',
    text: 'Every rented bike comes with a free helmet in your size. Children under 12 must wear the helmet while riding. Ask at the counter for a child seat or a smaller helmet.',
    url: 'https://help.harbourbikes.example/helmets',
    locale: 'en',
  },
  {
    id: 'damage-deposit',
    title: 'Deposit and damage',
    text: 'We ask a deposit of €150 per bike, paid by card when you pick the bike up. The deposit is refunded within 3 working days after you return the bike undamaged. Damage repairs are deducted from the deposit.',
    url: 'https://help.harbourbikes.example/deposit',
    locale: 'en',
  },
];

const ask = (id: string, text: string, expect: Record<string, unknown>) => ({ id, locale: 'en', turns: [{ role: 'customer', text }], expect });
const cases = [
  ask('hb-opening-hours', 'When is the bike rental shop open?', { decision: 'answer', articles: ['bike-rental-hours'], facts: ['18:00'] }),
  ask('hb-deposit', 'How much is the deposit for a rented bike?', { decision: 'answer', articles: ['damage-deposit'], facts: ['€150'] }),
  ask('hb-helmet', 'Do I get a helmet with my rented bike?', { decision: 'answer', articles: ['helmet-policy'] }),
];
const jsonLines = (records: readonly unknown[]) => `${records.map((record) => JSON.stringify(record)).join('\n')}\n`;

/** `npm run eval` as a QA engineer runs it: a child process, nothing but its arguments. */
async function runCli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'evals/suite/main.ts', ...args], { cwd: projectRoot, env: {}, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

let folder: string;
let knowledgeDir: string;
let datasetFile: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'eval-cli-'));
  knowledgeDir = join(folder, 'kb');
  await mkdir(knowledgeDir);
  await writeFile(join(knowledgeDir, 'harbour-bikes.jsonl'), jsonLines(documents));
  datasetFile = join(folder, 'harbour-bikes-cases.jsonl');
  await writeFile(datasetFile, jsonLines(cases));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('npm run eval', () => {
  it('answers from a --kb folder of JSONL documents, judged by a dataset that cites their ids', async () => {
    const thresholds = join(folder, 'thresholds.json');
    await writeFile(thresholds, JSON.stringify({ min: { decisionAccuracy: 1, recallAt5: 1, factRecall: 1, groundedness: 1, crossChannelConsistency: 1 } }));
    const out = join(folder, 'out');
    const result = await runCli(['--kb', knowledgeDir, '--dataset', datasetFile, '--channels', 'web-chat,whatsapp', '--out', out, '--seed', '3', '--thresholds', thresholds]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Regression gate passed');
    expect(result.stderr).toMatch(/eval: 6\/6/);

    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as EvalReport;
    expect(report.knowledge).toMatchObject({ articles: 3, failures: [] });
    expect(report.run).toMatchObject({ knowledgeDir, channels: ['web-chat', 'whatsapp'], seed: 3 });
    const citations = Object.fromEntries(report.cases.map((item) => [item.id, item.channels.whatsapp?.citations]));
    expect(citations['hb-opening-hours']).toEqual(['bike-rental-hours']);
    expect(citations['hb-helmet']).toEqual(['helmet-policy']);
    expect(citations['hb-deposit']).toContain('damage-deposit');
    expect(await readFile(join(out, 'summary.md'), 'utf8')).toContain('3 articles');
  }, 120_000);

  it('stops with exit code 2 and file:line before starting anything when a dataset line is bad', async () => {
    const bad = join(folder, 'bad.jsonl');
    await writeFile(bad, `${JSON.stringify(cases[0])}\n{"id": "no-expectation", "locale": "en", "turns": [{"role": "customer", "text": "Hi"}]}\n`);
    const result = await runCli(['--dataset', bad, '--kb', knowledgeDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad}:2: expect:`);
    expect(result.stderr).not.toContain('Evaluating');
  }, 60_000);

  it('exits 1 and lists each metric that crossed its threshold; an LLM judge, when configured, adds its scores', async () => {
    const judgeServer = await startScriptedLlmServer();
    judgeServer.setDefault({ kind: 'custom', content: JSON.stringify({ faithfulness: 0.9, relevance: 1, reason: 'Quoted from the source.' }) });
    const strict = join(folder, 'strict.json');
    await writeFile(strict, JSON.stringify({ min: { decisionAccuracy: 1 }, max: { latencyP50Ms: 1 } }));
    let stdout = '';
    let stderr = '';
    const out = join(folder, 'strict-out');
    const code = await runEvalCommand({
      argv: ['--kb', knowledgeDir, '--dataset', datasetFile, '--channels', 'web-chat', '--out', out, '--limit', '1', '--seed', '5', '--thresholds', strict],
      environment: { EVAL_JUDGE_BASE_URL: judgeServer.baseUrl, EVAL_JUDGE_MODEL: 'judge-model' },
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    }).finally(() => judgeServer.close());
    expect(code, stderr).toBe(1);
    expect(stdout).toMatch(/Decision accuracy\s+100\.0%/);
    expect(stderr).toMatch(/Regression gate failed \(.*strict\.json\):\n {2}- latencyP50Ms \d+ ms is above the maximum 1 ms/);
    expect(stderr).not.toContain('decisionAccuracy');

    expect(stdout).toMatch(/Judge: faithfulness\s+90\.0%/);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as EvalReport;
    expect(report.metrics).toMatchObject({ judgeFaithfulness: 0.9, judgeRelevance: 1 });
    expect(report.judge).toEqual({ model: 'judge-model', channel: 'web-chat', answered: 1, judged: 1, failed: 0 });
    expect(report.cases[0]?.judge).toEqual({ judged: true, faithfulness: 0.9, relevance: 1, reason: 'Quoted from the source.' });
    expect(judgeServer.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(1);
  }, 120_000);
});
