import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnServer } from '../test-support/spawn-server.js';

// Measures what an operator sees on a fresh machine: time from process start
// to listening (empty data directory: initdb, migrations, sample knowledge
// base), then the latency of the first answered and handed-off questions.
// A second start on the same directory shows the warm path.

const questions = [
  { label: 'first answer', text: 'I lost my debit card, how do I block it?' },
  { label: 'second answer', text: 'How fast does an instant payment arrive?' },
  { label: 'handoff', text: 'What is the capital of Mongolia?' },
];

async function measureStart(dataDir: string, label: string): Promise<void> {
  const port = await freePort();
  const started = performance.now();
  const server = spawnServer({ PORT: String(port), DATA_DIR: dataDir });
  await server.listening;
  const listeningMs = performance.now() - started;
  const ready = await fetch(`${server.baseUrl}/readyz`);
  const rows: string[] = [`${label}: listening after ${listeningMs.toFixed(0)} ms, /readyz ${ready.status}`];
  for (const question of questions) {
    const before = performance.now();
    const response = await fetch(`${server.baseUrl}/api/web-chat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: question.text }),
    });
    const body = (await response.json()) as { replies: { decision: string; citations: unknown[] }[] };
    const reply = body.replies[0];
    rows.push(
      `  ${question.label.padEnd(14)} ${(performance.now() - before).toFixed(1).padStart(7)} ms  decision=${reply?.decision} citations=${reply?.citations.length}`,
    );
  }
  server.process.kill('SIGTERM');
  await server.exited;
  process.stdout.write(`${rows.join('\n')}\n`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
try {
  await measureStart(dataDir, 'cold start (empty data directory)');
  await measureStart(dataDir, 'warm start (existing data directory)');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
