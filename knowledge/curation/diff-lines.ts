export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Line diff by longest common subsequence. Article bodies are a few hundred
 * lines at most, so the quadratic table is small and the result is minimal.
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const left = before.split('\n');
  const right = after.split('\n');
  const rows = left.length + 1;
  const columns = right.length + 1;
  const lengths = new Uint32Array(rows * columns);
  for (let i = left.length - 1; i >= 0; i -= 1) {
    for (let j = right.length - 1; j >= 0; j -= 1) {
      lengths[i * columns + j] =
        left[i] === right[j]
          ? (lengths[(i + 1) * columns + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * columns + j] ?? 0, lengths[i * columns + j + 1] ?? 0);
    }
  }
  const result: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    if (left[i] === right[j]) {
      result.push({ kind: 'same', text: left[i] ?? '' });
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * columns + j] ?? 0) >= (lengths[i * columns + j + 1] ?? 0)) {
      result.push({ kind: 'removed', text: left[i] ?? '' });
      i += 1;
    } else {
      result.push({ kind: 'added', text: right[j] ?? '' });
      j += 1;
    }
  }
  for (; i < left.length; i += 1) result.push({ kind: 'removed', text: left[i] ?? '' });
  for (; j < right.length; j += 1) result.push({ kind: 'added', text: right[j] ?? '' });
  return result;
}

/** Unified-diff text with `context` unchanged lines around each change. */
export function formatUnifiedDiff(lines: readonly DiffLine[], context = 2): string {
  const keep = new Set<number>();
  lines.forEach((line, index) => {
    if (line.kind === 'same') return;
    for (let near = Math.max(0, index - context); near <= Math.min(lines.length - 1, index + context); near += 1) keep.add(near);
  });
  const output: string[] = [];
  let previous = -1;
  for (const index of [...keep].sort((left, right) => left - right)) {
    if (previous !== -1 && index > previous + 1) output.push('@@');
    const line = lines[index];
    if (line) output.push(`${line.kind === 'added' ? '+' : line.kind === 'removed' ? '-' : ' '} ${line.text}`);
    previous = index;
  }
  return output.join('\n');
}
