/**
 * What a staff member may do in the console:
 * `expert` answers escalation cases, `curator` edits and approves knowledge-base
 * articles, `admin` manages staff accounts and may see every case and the outbox.
 */
export const staffRoles = ['expert', 'curator', 'admin'] as const;

export type StaffRole = (typeof staffRoles)[number];
