import { z } from 'zod';
import { passwordLength } from './password-hash.js';
import { staffRoles } from './staff-role.js';

/** Usernames are compared lowercase; what is stored matches `^[a-z0-9._@-]{2,64}$`. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._@-]{2,64}$/, 'must be 2 to 64 of a-z 0-9 . _ @ -');

export const passwordSchema = z
  .string()
  .min(passwordLength.min, `must be at least ${passwordLength.min} characters`)
  .max(passwordLength.max, `must be at most ${passwordLength.max} characters`);

export const displayNameSchema = z.string().trim().min(1).max(100);

export const rolesSchema = z
  .array(z.enum(staffRoles))
  .min(1, 'must name at least one role')
  .transform((roles) => [...new Set(roles)]);

export const skillsSchema = z
  .array(z.string().trim().regex(/^[a-z0-9_-]{1,50}$/, 'must be a skill name such as fraud or care (a-z 0-9 _ -)'))
  .max(50)
  .transform((skills) => [...new Set(skills)]);

export const newStaffUserSchema = z
  .object({ username: usernameSchema, displayName: displayNameSchema, password: passwordSchema, roles: rolesSchema, skills: skillsSchema.optional() })
  .strict();

export const staffUserChangeSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    roles: rolesSchema.optional(),
    skills: skillsSchema.optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .strict();

export type NewStaffUser = z.output<typeof newStaffUserSchema>;
export type StaffUserChange = z.output<typeof staffUserChangeSchema>;
