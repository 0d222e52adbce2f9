export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * A one-line progress bar on a terminal; on a pipe or CI log, a line at each
 * tenth of the way instead of a flood of carriage returns.
 */
export function createProgressBar(output: ProgressOutput, label: string, width = 30) {
  let lastDecile = -1;
  let finished = false;
  return {
    update(done: number, total: number): void {
      if (finished || total <= 0) return;
      const ratio = Math.min(1, done / total);
      if (output.isTTY) {
        const filled = Math.round(ratio * width);
        output.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      } else {
        const decile = Math.floor(ratio * 10);
        if (decile !== lastDecile) output.write(`${label}: ${done}/${total}\n`);
        lastDecile = decile;
      }
      if (done >= total) {
        finished = true;
        if (output.isTTY) output.write('\n');
      }
    },
  };
}
