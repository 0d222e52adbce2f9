import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { Db } from '../db/db.js';
import { createStaffUserStore } from './staff-user-store.js';
import { displayNameSchema, passwordSchema, rolesSchema, skillsSchema, usernameSchema } from './staff-user-schemas.js';

export interface CreateAdminCliContext {
  db: Db;
  /** CONSOLE_ADMIN_PASSWORD, when set. */
  passwordFromEnvironment: string | undefined;
  /** Asks for the password on stdin when the environment has none. */
  readPassword: () => Promise<string>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const createAdminUsage = `Usage: npm run console:create-admin -- --username NAME --display-name "Full Name" [--roles admin,expert,curator] [--skills fraud,care]

Creates a staff account for the expert console (default role: admin). The password comes from
CONSOLE_ADMIN_PASSWORD or, when that is unset, from stdin; never from the command line.`;

const optionsSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  roles: rolesSchema.refine((roles) => roles.includes('admin'), 'must include admin'),
  skills: skillsSchema,
});

/** Runs `console:create-admin`; returns the process exit code (0 created, 1 the username exists, 64 bad usage). */
export async function runCreateAdminCli(argv: readonly string[], context: CreateAdminCliContext): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        username: { type: 'string' },
        'display-name': { type: 'string' },
        roles: { type: 'string', default: 'admin' },
        skills: { type: 'string', default: '' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    context.stderr.write(`${(error as Error).message}\n\n${createAdminUsage}\n`);
    return 64;
  }
  if (values.help) {
    context.stdout.write(`${createAdminUsage}\n`);
    return 0;
  }
  if (values.username === undefined || values['display-name'] === undefined) {
    context.stderr.write(`--username and --display-name are required.\n\n${createAdminUsage}\n`);
    return 64;
  }
  const parsed = optionsSchema.safeParse({
    username: values.username,
    displayName: values['display-name'],
    roles: listOf(values.roles),
    skills: listOf(values.skills),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  --${flagOf(issue.path[0])}: ${issue.message}`).join('\n');
    context.stderr.write(`${problems}\n\n${createAdminUsage}\n`);
    return 64;
  }
  const users = createStaffUserStore(context.db);
  if (await users.exists(parsed.data.username)) {
    context.stderr.write(`A staff account named ${parsed.data.username} exists already; change it in the console (Users) instead.\n`);
    return 1;
  }
  const password = passwordSchema.safeParse(context.passwordFromEnvironment ?? (await context.readPassword()));
  if (!password.success) {
    context.stderr.write(`The password ${password.error.issues[0]?.message ?? 'is not acceptable'}.\n`);
    return 64;
  }
  const user = await users.create({ ...parsed.data, password: password.data }, { type: 'system', id: 'system:console-create-admin' });
  context.stdout.write(`Created ${user.username} (${user.roles.join(', ')}). Sign in at /console.\n`);
  return 0;
}

function listOf(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
}

function flagOf(key: PropertyKey | undefined): string {
  return key === 'displayName' ? 'display-name' : String(key ?? '');
}
