import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/db.js';

/**
 * The configured secret, or else one generated once and kept in the database,
 * so every app process agrees on it and it survives restarts (web-chat tokens
 * issued yesterday still open their conversation today).
 */
export async function serviceSecret(db: Db, name: string, configured: string | undefined): Promise<string> {
  if (configured !== undefined) return configured;
  await db.query('INSERT INTO service_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    randomBytes(32).toString('base64url'),
  ]);
  const [row] = await db.query<{ value: string }>('SELECT value FROM service_secrets WHERE name = $1', [name]);
  if (!row) throw new Error(`service secret ${name} could not be stored`);
  return row.value;
}
