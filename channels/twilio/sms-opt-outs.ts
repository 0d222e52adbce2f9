import type { Queryable } from '../../db/db.js';

/** Whether this number sent STOP (and no START since): nothing but the carrier's confirmation may reach it. */
export async function isOptedOut(db: Queryable, phone: string): Promise<boolean> {
  const [row] = await db.query<{ opted_out: boolean }>('SELECT EXISTS (SELECT 1 FROM sms_opt_outs WHERE phone = $1) AS opted_out', [phone]);
  return row?.opted_out === true;
}

/** STOP: records the opt-out; repeating it changes nothing. */
export async function recordOptOut(db: Queryable, phone: string): Promise<void> {
  await db.query('INSERT INTO sms_opt_outs (phone) VALUES ($1) ON CONFLICT (phone) DO NOTHING', [phone]);
}

/** START: lifts the opt-out, if any. */
export async function removeOptOut(db: Queryable, phone: string): Promise<void> {
  await db.query('DELETE FROM sms_opt_outs WHERE phone = $1', [phone]);
}
