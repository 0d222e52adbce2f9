/**
 * What a staff member may do in the console:
 * `expert` answers escalation cases, `curator` edits and approves knowledge-base
 * articles, `admin` manages staff accounts and may see every case and the outbox,
 * `supervisor` reads the service figures (Insight) and nothing else.
 */
export const staffRoles = ['expert', 'curator', 'admin', 'supervisor'] as const;

export type StaffRole = (typeof staffRoles)[number];
