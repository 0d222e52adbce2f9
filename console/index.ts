export { actingPerson } from './acting-person.js';
export { createConsoleApi, staffApiPrefixes, type ConsoleApi } from './create-console-api.js';
export { principalOf, restrictedStaffSession, staffSessionOf, type Principal } from './principal.js';
export { requireAccess, type AccessRule } from './require-access.js';
export { staffRoles, type StaffRole } from './staff-role.js';
export type { SignedInStaff, StaffUser } from './staff-user.js';
export { createStaffUserStore, type StaffUserStore } from './staff-user-store.js';
