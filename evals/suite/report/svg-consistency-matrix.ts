import type { EvalChannel } from '../eval-channel.js';
import { decisionColour, decisionColours } from './decision-colours.js';
import type { CaseReport } from './eval-report.js';
import { escapeHtml } from './escape-html.js';

const labelWidth = 260;
const cellWidth = 96;
const rowHeight = 16;
const headerHeight = 40;

/**
 * Cases × channels, each cell coloured by the decision delivered; a cell
 * whose channel missed an expectation is crossed out, and a row whose
 * channels disagree sits on a red band marked ≠. Hovering shows the details
 * (SVG titles, no script).
 */
export function svgConsistencyMatrix(cases: readonly CaseReport[], channels: readonly EvalChannel[]): string {
  const width = labelWidth + channels.length * cellWidth + 30;
  const legendHeight = 22;
  const height = legendHeight + headerHeight + cases.length * rowHeight + 4;
  const legend = Object.entries(decisionColours)
    .map(
      ([decision, colour], index) =>
        `<rect x="${index * 110}" y="4" width="12" height="12" fill="${colour}"/><text x="${index * 110 + 16}" y="14">${escapeHtml(decision === 'none' ? 'no decision' : decision)}</text>`,
    )
    .join('');
  const header = channels
    .map((channel, index) => `<text x="${labelWidth + index * cellWidth + cellWidth / 2}" y="${legendHeight + headerHeight - 10}" text-anchor="middle" class="head">${escapeHtml(channel)}</text>`)
    .join('');
  const rows = cases
    .map((item, rowIndex) => {
      const y = legendHeight + headerHeight + rowIndex * rowHeight;
      const band = item.consistent
        ? ''
        : `<rect x="0" y="${y}" width="${width}" height="${rowHeight}" class="inconsistent"/><text x="${width - 22}" y="${y + 12}" class="mismatch">≠</text>`;
      const cells = channels
        .map((channel, columnIndex) => {
          const result = item.channels[channel];
          const decision = result?.decision ?? 'none';
          const x = labelWidth + columnIndex * cellWidth + 2;
          const detail = result
            ? `${item.id} on ${channel}: ${decision}${result.citations.length > 0 ? ` citing ${result.citations.join(', ')}` : ''}${result.failures.length > 0 ? ` — ${result.failures.join('; ')}` : ''}`
            : `${item.id}: not run on ${channel}`;
          const cross =
            result && result.failures.length > 0
              ? `<path d="M${x + 4} ${y + 4} L${x + cellWidth - 8} ${y + rowHeight - 4} M${x + cellWidth - 8} ${y + 4} L${x + 4} ${y + rowHeight - 4}" class="failed"/>`
              : '';
          return `<g><title>${escapeHtml(detail)}</title><rect x="${x}" y="${y + 1}" width="${cellWidth - 4}" height="${rowHeight - 2}" fill="${decisionColour(decision)}"/>${cross}</g>`;
        })
        .join('');
      return `${band}<text x="4" y="${y + 12}" class="case${item.passed ? '' : ' failing'}">${escapeHtml(item.id)}</text>${cells}`;
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Consistency matrix: decision per case and channel" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="matrix">` +
    `<title>Decision per case and channel</title>${legend}${header}${rows}</svg>`
  );
}
