/**
 * Turns `@name` placeholders into the positional `$1, $2, …` both database
 * implementations take, so the insight queries can share SQL fragments that
 * each use a different subset of the filter. Every occurrence of a name gets
 * the same number.
 */
export function withNamedParameters(sql: string, values: Readonly<Record<string, unknown>>): { sql: string; params: unknown[] } {
  const numbers = new Map<string, number>();
  const params: unknown[] = [];
  const text = sql.replace(/@([a-zA-Z]\w*)/g, (_match, name: string) => {
    if (!(name in values)) throw new Error(`no value for the SQL parameter @${name}`);
    let number = numbers.get(name);
    if (number === undefined) {
      params.push(values[name]);
      number = params.length;
      numbers.set(name, number);
    }
    return `$${number}`;
  });
  return { sql: text, params };
}
