import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/db.js';
import type { StaffRole } from './staff-role.js';
import type { SignedInStaff } from './staff-user.js';

/** A session ends after 8 hours without a request, and 24 hours after sign-in whatever happens. */
export const sessionLifetime = { idleMs: 8 * 3_600_000, absoluteMs: 24 * 3_600_000 } as const;

export interface StartedSession {
  /** The secret the browser holds (the cookie value); only its SHA-256 is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ActiveSession {
  idHash: string;
  csrfToken: string;
  user: SignedInStaff;
}

type ActiveSessionRow = {
  id_hash: string;
  csrf_token: string;
  user_id: string;
  username: string;
  display_name: string;
  roles: StaffRole[];
  skills: string[];
};

// 32 random bytes in base64url: 43 characters.
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * Console sign-in sessions. The token is 32 random bytes; the table keys on
 * its hash, so reading the table signs nobody in. A session of a disabled
 * account, or past its idle or absolute limit, does not resolve.
 */
export function createStaffSessionStore(db: Db, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());

  return {
    /** A new session with a new token: never one the browser presented before. */
    async start(userId: string): Promise<StartedSession> {
      const at = now();
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const expiresAt = new Date(at.getTime() + sessionLifetime.absoluteMs);
      await db.transaction(async (transaction) => {
        // Expired sessions are swept here, where they are created, rather than by a timer.
        await transaction.query('DELETE FROM staff_sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [
          at.toISOString(),
          new Date(at.getTime() - sessionLifetime.idleMs).toISOString(),
        ]);
        await transaction.query(
          `INSERT INTO staff_sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)`,
          [hashToken(token), userId, csrfToken, at.toISOString(), expiresAt.toISOString()],
        );
      });
      return { token, csrfToken, expiresAt };
    },

    /** The live session the token names, its idle clock restarted; undefined for anything else. */
    async resolve(token: string): Promise<ActiveSession | undefined> {
      if (!tokenPattern.test(token)) return undefined;
      const at = now();
      const [row] = await db.query<ActiveSessionRow>(
        `UPDATE staff_sessions s SET last_seen_at = $2
         FROM staff_users u
         WHERE s.id_hash = $1 AND u.id = s.user_id AND NOT u.disabled AND s.expires_at > $2 AND s.last_seen_at > $3
         RETURNING s.id_hash, s.csrf_token, u.id AS user_id, u.username, u.display_name, u.roles, u.skills`,
        [hashToken(token), at.toISOString(), new Date(at.getTime() - sessionLifetime.idleMs).toISOString()],
      );
      if (!row) return undefined;
      return {
        idHash: row.id_hash,
        csrfToken: row.csrf_token,
        user: { id: row.user_id, username: row.username, displayName: row.display_name, roles: row.roles, skills: row.skills },
      };
    },

    /** Ends the session the token names, if any (sign-out; a token presented at sign-in). */
    async end(token: string): Promise<void> {
      if (!tokenPattern.test(token)) return;
      await db.query('DELETE FROM staff_sessions WHERE id_hash = $1', [hashToken(token)]);
    },
  };
}

export type StaffSessionStore = ReturnType<typeof createStaffSessionStore>;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
