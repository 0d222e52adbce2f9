import type { Response } from 'express';
import { ForbiddenError } from '../bot/errors/forbidden-error.js';
import { ValidationError } from '../bot/errors/validation-error.js';
import { staffSessionOf } from './principal.js';

/**
 * The person an action is recorded under. Signed in, it is the session's
 * username: a name given in the request may only repeat it (403 otherwise),
 * so nobody acts under a colleague's name. With a desk's bearer token the
 * request must name the person, as before.
 */
export function actingPerson(response: Response, named: string | undefined, field: { name: string; whenMissing?: string }): string {
  const session = staffSessionOf(response);
  if (session) {
    if (named !== undefined && named !== session.user.username) {
      throw new ForbiddenError('actor_mismatch', `${field.name} must be you (${session.user.username}) or be left out`);
    }
    return session.user.username;
  }
  if (named === undefined) {
    throw new ValidationError(field.whenMissing ?? `Invalid request: ${field.name} is required`, [{ path: field.name, message: 'required' }]);
  }
  return named;
}
