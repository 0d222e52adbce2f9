import { randomUUID } from 'node:crypto';
import { ConflictError } from '../bot/errors/conflict-error.js';
import { NotFoundError } from '../bot/errors/not-found-error.js';
import type { Db } from '../db/db.js';
import { hashPassword } from './password-hash.js';
import { recordStaffAudit, type StaffAuditActor } from './staff-audit.js';
import type { StaffRole } from './staff-role.js';
import type { StaffUser } from './staff-user.js';
import type { NewStaffUser, StaffUserChange } from './staff-user-schemas.js';

type StaffUserRow = {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: StaffRole[];
  skills: string[];
  disabled: boolean;
  created_at: Date | string;
  updated_at: Date | string;
};

/**
 * Staff accounts. Passwords are hashed here and the hash is only ever handed
 * to sign-in; disabling an account or changing its password ends its sessions
 * in the same transaction. Every change is in the audit log.
 */
export function createStaffUserStore(db: Db, options: { newId?: () => string } = {}) {
  const newId = options.newId ?? randomUUID;

  return {
    /** Creates an account; a taken username is a `ConflictError`. */
    async create(user: NewStaffUser, actor: StaffAuditActor): Promise<StaffUser> {
      const passwordHash = await hashPassword(user.password);
      return db.transaction(async (transaction) => {
        const [row] = await transaction.query<StaffUserRow>(
          `INSERT INTO staff_users (id, username, display_name, password_hash, roles, skills)
           VALUES ($1, $2, $3, $4, $5::text[], $6::text[])
           ON CONFLICT (username) DO NOTHING RETURNING *`,
          [newId(), user.username, user.displayName, passwordHash, user.roles, user.skills ?? []],
        );
        if (!row) throw new ConflictError(`username ${user.username} is taken`);
        await recordStaffAudit(transaction, {
          actor,
          action: 'staff_user.created',
          subjectId: row.id,
          details: { username: row.username, roles: row.roles, skills: row.skills },
        });
        return toStaffUser(row);
      });
    },

    /**
     * Changes an account. `by` is the administrator: they may not take away
     * their own admin role or disable themselves, so an installation always
     * keeps the person who could undo the change.
     */
    async update(id: string, change: StaffUserChange, by: { id: string; username: string }): Promise<StaffUser> {
      if (id === by.id && (change.disabled === true || (change.roles !== undefined && !change.roles.includes('admin')))) {
        throw new ConflictError('You cannot remove your own admin role or disable your own account');
      }
      const passwordHash = change.password === undefined ? null : await hashPassword(change.password);
      return db.transaction(async (transaction) => {
        const [row] = await transaction.query<StaffUserRow>(
          `UPDATE staff_users SET
             display_name = COALESCE($2, display_name),
             roles = COALESCE($3::text[], roles),
             skills = COALESCE($4::text[], skills),
             disabled = COALESCE($5, disabled),
             password_hash = COALESCE($6, password_hash),
             updated_at = now()
           WHERE id = $1 RETURNING *`,
          [id, change.displayName ?? null, change.roles ?? null, change.skills ?? null, change.disabled ?? null, passwordHash],
        );
        if (!row) throw new NotFoundError('staff user', id);
        if (row.disabled || passwordHash !== null) await transaction.query('DELETE FROM staff_sessions WHERE user_id = $1', [id]);
        const { password: _password, ...visible } = change;
        await recordStaffAudit(transaction, {
          actor: { type: 'admin', id: by.username },
          action: 'staff_user.changed',
          subjectId: id,
          details: { username: row.username, ...visible, ...(passwordHash === null ? {} : { passwordChanged: true }) },
        });
        return toStaffUser(row);
      });
    },

    /** The account and its password hash, for sign-in only. */
    async findForSignIn(username: string): Promise<{ user: StaffUser; passwordHash: string } | undefined> {
      const [row] = await db.query<StaffUserRow>('SELECT * FROM staff_users WHERE username = $1', [username]);
      return row ? { user: toStaffUser(row), passwordHash: row.password_hash } : undefined;
    },

    async list(): Promise<StaffUser[]> {
      const rows = await db.query<StaffUserRow>('SELECT * FROM staff_users ORDER BY username');
      return rows.map(toStaffUser);
    },

    async exists(username: string): Promise<boolean> {
      const [row] = await db.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM staff_users WHERE username = $1) AS found', [username]);
      return row?.found === true;
    },
  };
}

export type StaffUserStore = ReturnType<typeof createStaffUserStore>;

function toStaffUser(row: StaffUserRow): StaffUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    skills: row.skills,
    disabled: row.disabled,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
