import type { z } from 'zod';
import { ValidationError } from '../errors/validation-error.js';

/** Validates a request body; every problem is reported with the field it concerns. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  if (body === undefined || body === null || typeof body !== 'object') {
    throw new ValidationError('The request body must be a JSON object (Content-Type: application/json)');
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.join('.') || '(body)',
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  throw new ValidationError(`Invalid request: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`, issues);
}
