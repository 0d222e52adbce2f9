import { expect } from 'vitest';
import type { Db } from '../db/db.js';

/** The serving flag on chunks must always mirror the one definition of servability (the decided versions view). */
export async function expectServingFlagsConsistent(db: Db): Promise<void> {
  const mismatched = await db.query(
    `SELECT c.id FROM chunks c
     LEFT JOIN decided_article_versions d ON d.article_id = c.article_id AND d.version = c.article_version
     WHERE c.serving <> (d.version IS NOT NULL)`,
  );
  expect(mismatched).toEqual([]);
}
