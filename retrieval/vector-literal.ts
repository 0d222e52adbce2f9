/**
 * A vector as pgvector's text input. pgvector stores float4, so eight
 * significant digits keep every bit that survives storage while the
 * database parses about half the characters of JavaScript's full-precision
 * numbers; parsing the text dominates insert time on embedded Postgres.
 */
export function toVectorLiteral(vector: readonly number[]): string {
  let text = '[';
  for (let index = 0; index < vector.length; index += 1) {
    const value = vector[index] ?? 0;
    if (!Number.isFinite(value)) throw new Error(`Vector component ${index} is not a finite number`);
    if (index > 0) text += ',';
    text += value === 0 ? '0' : String(Number(value.toPrecision(8)));
  }
  return `${text}]`;
}
