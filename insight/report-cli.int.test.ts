import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PgliteDb } from '../db/pglite-db.js';
import { createTestDb } from '../test-support/test-db.js';
import { runReportCli } from './report-cli.js';
import { fixtureWeek, seedFixtureWeek } from './service-figures-fixture.js';

function output() {
  return {
    text: '',
    write(text: string) {
      this.text += text;
    },
  };
}

describe('npm run report', () => {
  let db: PgliteDb;
  let stdout: ReturnType<typeof output>;
  let stderr: ReturnType<typeof output>;
  let opened: (string | undefined)[];
  const report = (...argv: string[]) =>
    runReportCli(argv, {
      openDb: async (dataDir) => {
        opened.push(dataDir);
        // The CLI closes the database it opened; the test keeps its own open.
        return { ...db, kind: db.kind, query: db.query.bind(db), exec: db.exec.bind(db), transaction: db.transaction.bind(db), close: async () => undefined };
      },
      stdout,
      stderr,
      now: () => fixtureWeek.now,
    });

  beforeEach(async () => {
    db = await createTestDb();
    await seedFixtureWeek(db);
    stdout = output();
    stderr = output();
    opened = [];
  });
  afterEach(async () => {
    await db.close();
  });

  it('prints every figure overall and per channel as a table', async () => {
    // --since 7d counts back from --until.
    expect(await report('--since', '7d', '--until', '2026-03-09', '--data-dir', '/tmp/elsewhere')).toBe(0);
    expect(opened).toEqual(['/tmp/elsewhere']);
    const lines = stdout.text.split('\n');
    expect(lines[0]).toBe('Service figures 2026-03-02T00:00:00.000Z to 2026-03-09T00:00:00.000Z, repeat window 24 h');
    expect(lines[2]).toMatch(/^figure\s+overall\s+email\s+sms\s+web-chat\s+whatsapp$/);
    expect(lines).toContainEqual(expect.stringMatching(/^conversations\.automatedRate\s+0\.1429\s+0\s+1\s+0\s+0$/));
    expect(lines).toContainEqual(expect.stringMatching(/^cases\.sla\.attainment\s+0\.3333\s+0\s+-\s+-\s+0\.5$/));
    expect(lines).toContainEqual(expect.stringMatching(/^breachesNow\s+2\s+0\s+0\s+0\s+2$/));
    expect(stderr.text).toBe('');
  });

  it('writes JSON and CSV, with filters', async () => {
    expect(await report('--since', '2026-03-02', '--until', '2026-03-09', '--format', 'json', '--channel', 'sms', '--repeat-window', '6')).toBe(0);
    const summary = JSON.parse(stdout.text) as { filter: { channel: string; repeatWindowHours: number }; overall: { conversations: { started: number } } };
    expect(summary.filter).toMatchObject({ channel: 'sms', repeatWindowHours: 6 });
    expect(summary.overall.conversations.started).toBe(2);

    stdout.text = '';
    expect(await report('--since', '2026-03-02', '--until', '2026-03-09', '--format', 'csv', '--period', 'week')).toBe(0);
    expect(stdout.text).toContain('\r\nconversations.started,week,2026-03-02,8,');
  });

  it('refuses bad flags with exit code 2 and a clear message, before opening the database', async () => {
    const refusals: [string[], RegExp][] = [
      [['--since', 'last tuesday'], /--since must be an ISO date or date-time, or a span back from now such as 24h, 7d or 4w/],
      [['--format', 'xml'], /--format must be table, json or csv, not "xml"/],
      [['--channel', 'fax'], /--channel: Invalid option/],
      [['--repeat-window', 'soon'], /--repeat-window: /],
      [['--colour', 'blue'], /Unknown option '--colour'/],
      [['--since', '2026-03-09', '--until', '2026-03-02'], /--since must be before until/],
    ];
    for (const [argv, message] of refusals) {
      stderr.text = '';
      expect(await report(...argv)).toBe(2);
      expect(stderr.text).toMatch(message);
      expect(stderr.text).toContain('Usage: npm run report');
    }
    expect(opened).toEqual([]);
  });
});
