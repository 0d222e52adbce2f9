type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Called from a target's `catch`: a refusal with one of the parser's
 * documented error classes is what the parser is for; anything else (a
 * TypeError, a RangeError, a library's own error) is a crash and propagates.
 */
export function rethrowUnlessDocumented(error: unknown, documented: readonly ErrorClass[]): void {
  if (documented.some((errorClass) => error instanceof errorClass)) return;
  throw error;
}
