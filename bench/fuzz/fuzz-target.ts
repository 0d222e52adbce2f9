import type fc from 'fast-check';

/**
 * One parser of untrusted input under fuzzing. `check` runs the parser once on
 * a generated input: it returns (or resolves) when the parser returned a value
 * or refused the input with its documented error, and throws anything else.
 */
export interface FuzzTarget<Input> {
  /** Short kebab-case name, used by `npm run fuzz -- --only <name>`. */
  name: string;
  /** The function under test, as `path#export`. */
  parser: string;
  /** What not crashing means for this parser: what it returns and the only errors it may throw. */
  contract: string;
  /** Fully random inputs mixed with near-valid ones. */
  arbitrary: fc.Arbitrary<Input>;
  check(input: Input): void | Promise<void>;
  /**
   * Share of `--runs` this target gets, when one input costs far more than
   * the others' (pdf.js); 1 when absent.
   */
  runsFraction?: number;
  /**
   * Loads what the parser loads lazily on its first call (pdf.js, trigram
   * profiles), so that one-off cost is not timed as a hang on the first input.
   */
  warmUp?(): void | Promise<void>;
}
