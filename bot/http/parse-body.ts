import type { z } from 'zod';
import { ValidationError } from '../errors/validation-error.js';

/** Validates a request body; every problem is reported with the field it concerns. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  if (body === undefined || body === null || typeof body !== 'object') {
    throw new ValidationError('The request body must be a JSON object (Content-Type: application/json)');
  }
  return parseWith(schema, body, 'request', '(body)');
}

/** Validates a query string the same way. */
export function parseQuery<Schema extends z.ZodType>(schema: Schema, query: unknown): z.output<Schema> {
  return parseWith(schema, query, 'query', '(query)');
}

function parseWith<Schema extends z.ZodType>(schema: Schema, input: unknown, what: string, root: string): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.join('.') || root,
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  throw new ValidationError(`Invalid ${what}: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`, issues);
}
