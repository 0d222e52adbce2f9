import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditSuiteLogs } from './suite-log-audit.js';

describe('the audit of the test run’s logs', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'log-audit-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('finds a configured secret and personal data in a log line, masked', async () => {
    await writeFile(join(directory, '1.secrets'), `${JSON.stringify('operations-token-0123456789')}\n`);
    await writeFile(
      join(directory, '1.log'),
      [
        '{"msg":"turn answered","conversationId":"c-1","latencyMs":42}',
        '{"msg":"request","authorization":"Bearer operations-token-0123456789"}',
        '{"msg":"inbound","from":"+31612345678","text":"my card 4111 1111 1111 1111"}',
      ].join('\n'),
    );
    const { lines, findings } = await auditSuiteLogs(directory);
    expect(lines).toBe(3);
    expect(findings.map((finding) => finding.kind).sort()).toEqual(['card', 'phone', 'secret']);
    expect(JSON.stringify(findings)).not.toContain('operations-token-0123456789');
    expect(JSON.stringify(findings)).not.toContain('4111 1111 1111 1111');
  });

  it('passes clean logs', async () => {
    await writeFile(join(directory, '2.log'), '{"msg":"listening","port":3978}\n');
    expect((await auditSuiteLogs(directory)).findings).toEqual([]);
  });
});
