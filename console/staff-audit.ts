import type { Queryable } from '../db/db.js';

/** Who did it, as the audit log's CHECK constraint knows them. */
export interface StaffAuditActor {
  type: 'expert' | 'admin' | 'system';
  /** A username, `system:<process>`, or null when nobody was identified (a failed sign-in). */
  id: string | null;
}

export type StaffAuditAction =
  | 'console.signed_in'
  | 'console.sign_in_failed'
  | 'console.signed_out'
  | 'staff_user.created'
  | 'staff_user.changed'
  | 'knowledge_gap.drafted';

/** One entry in the append-only audit log about what a staff member did (by default, to a staff account). Never a password or a hash. */
export async function recordStaffAudit(
  queryable: Queryable,
  entry: {
    actor: StaffAuditActor;
    action: StaffAuditAction;
    subjectId: string;
    subjectType?: 'staff_user' | 'knowledge_gap';
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await queryable.query(
    `INSERT INTO audit_log (actor_type, actor_id, action, subject_type, subject_id, details) VALUES ($1, $2, $3, $4, $5, $6)`,
    [entry.actor.type, entry.actor.id, entry.action, entry.subjectType ?? 'staff_user', entry.subjectId, JSON.stringify(entry.details ?? {})],
  );
}

/** Staff act as 'admin' in the audit log when they hold that role, otherwise as 'expert'. */
export function auditActorOf(user: { username: string; roles: readonly string[] }): StaffAuditActor {
  return { type: user.roles.includes('admin') ? 'admin' : 'expert', id: user.username };
}
