import type { StaffRole } from './staff-role.js';

/** A staff account as every API shows it; the password hash never leaves the store. */
export interface StaffUser {
  id: string;
  /** Lowercase, `^[a-z0-9._@-]{2,64}$`; the name recorded in the audit log and on cases. */
  username: string;
  displayName: string;
  roles: StaffRole[];
  /** Case-queue skills this person works on (`fraud`, `care`, ...). */
  skills: string[];
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The signed-in person, as `GET /api/console/session` returns them. */
export type SignedInStaff = Pick<StaffUser, 'id' | 'username' | 'displayName' | 'roles' | 'skills'>;
