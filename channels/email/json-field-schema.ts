import { z } from 'zod';

/** A form field that carries JSON text, parsed and then validated by `schema`; malformed JSON is a validation issue, not a throw. */
export function jsonFieldSchema<Schema extends z.ZodType>(schema: Schema) {
  return z
    .string()
    .transform((text, context): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        context.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}
