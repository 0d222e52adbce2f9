import { describe, expect, it } from 'vitest';
import type { PgliteDb } from '../db/pglite-db.js';
import { openFixtureWeekDb } from './fixture-week-db.js';

// The repeat check reads answers.question_key (stored when an answer is
// written) instead of calling insight_question_key() per row. Both must
// always agree, or "repeated" would silently change meaning.
describe('the stored question key', () => {
  let db: PgliteDb;
  openFixtureWeekDb((opened) => {
    db = opened;
  });

  it('is the question key of the standalone question, or of the question without one', async () => {
    await db.query(`UPDATE answers SET standalone_question = NULL, question = 'Héllo,   World?!' WHERE id = 'answer-c1-1'`);
    await db.query(`UPDATE answers SET standalone_question = '  How do I BLOCK my card... ' WHERE id = 'answer-c2-1'`);
    const rows = await db.query<{ id: string; question_key: string; same: boolean }>(
      `SELECT id, question_key, question_key = insight_question_key(coalesce(standalone_question, question)) AS same FROM answers ORDER BY id`,
    );
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((row) => row.same)).toBe(true);
    expect(rows.find((row) => row.id === 'answer-c1-1')?.question_key).toBe('héllo world');
    expect(rows.find((row) => row.id === 'answer-c2-1')?.question_key).toBe('how do i block my card');
  });
});
