import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgliteDb } from '../db/pglite-db.js';
import { createTestDb } from '../test-support/test-db.js';
import { runCreateAdminCli } from './create-admin-cli.js';
import { verifyPassword } from './password-hash.js';
import { readPassword } from './read-password.js';

describe('npm run console:create-admin', () => {
  let db: PgliteDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => {
    await db?.close();
  });

  async function run(argv: string[], password: { environment?: string; stdin?: string } = {}) {
    const output = { stdout: '', stderr: '' };
    const code = await runCreateAdminCli(argv, {
      db,
      passwordFromEnvironment: password.environment,
      readPassword: () => readPassword(Readable.from([password.stdin ?? '']), { write: () => true } as never),
      stdout: { write: (text: string) => (output.stdout += text) },
      stderr: { write: (text: string) => (output.stderr += text) },
    });
    return { code, ...output };
  }
  const stored = async (username: string) =>
    (await db.query<{ roles: string[]; display_name: string; password_hash: string }>('SELECT roles, display_name, password_hash FROM staff_users WHERE username = $1', [username]))[0];

  it('creates an admin with the password from CONSOLE_ADMIN_PASSWORD, audited as the command', async () => {
    const result = await run(['--username', 'Root.Admin', '--display-name', 'Root Admin'], { environment: 'first admin password' });
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('Created root.admin (admin)') });
    const user = await stored('root.admin');
    expect(user).toMatchObject({ roles: ['admin'], display_name: 'Root Admin' });
    expect(await verifyPassword('first admin password', user?.password_hash ?? '')).toBe(true);
    const [audit] = await db.query<{ actor_type: string; actor_id: string; action: string }>(
      "SELECT actor_type, actor_id, action FROM audit_log WHERE subject_type = 'staff_user' ORDER BY id LIMIT 1",
    );
    expect(audit).toEqual({ actor_type: 'system', actor_id: 'system:console-create-admin', action: 'staff_user.created' });
  });

  it('reads the password from the first line of stdin when the environment has none, with extra roles', async () => {
    const result = await run(['--username', 'second.admin', '--display-name', 'Second', '--roles', 'admin,expert', '--skills', 'fraud'], {
      stdin: 'piped in password\nignored second line\n',
    });
    expect(result.code).toBe(0);
    const user = await stored('second.admin');
    expect(user?.roles).toEqual(['admin', 'expert']);
    expect(await verifyPassword('piped in password', user?.password_hash ?? '')).toBe(true);
  });

  it('refuses a username that exists, leaving the account as it was', async () => {
    const before = await stored('root.admin');
    const result = await run(['--username', 'ROOT.ADMIN', '--display-name', 'Impostor'], { environment: 'another password here' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('exists already');
    expect(await stored('root.admin')).toEqual(before);
  });

  it.each([
    ['a password on the command line', ['--username', 'x.admin', '--display-name', 'X', '--password', 'visible in ps'], {}],
    ['no display name', ['--username', 'x.admin'], { environment: 'long enough password' }],
    ['roles without admin', ['--username', 'x.admin', '--display-name', 'X', '--roles', 'expert'], { environment: 'long enough password' }],
    ['a short password', ['--username', 'x.admin', '--display-name', 'X'], { stdin: 'short\n' }],
  ])('refuses %s with exit code 64', async (_label, argv, password) => {
    const result = await run(argv, password);
    expect(result.code).toBe(64);
    expect(await stored('x.admin')).toBeUndefined();
  });
});
