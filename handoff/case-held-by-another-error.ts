/** The case is held by someone other than the person acting on it, who may only act on free cases or their own. */
export class CaseHeldByAnotherError extends Error {
  override readonly name = 'CaseHeldByAnotherError';
}
