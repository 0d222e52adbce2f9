import type { EvalChannel } from '../eval-channel.js';
import type { MetricName, SliceMetrics } from '../metrics/eval-metrics.js';
import { channelColours } from './decision-colours.js';
import { escapeHtml } from './escape-html.js';
import { formatMetric, metricLabels } from './format-metric.js';

const labelWidth = 190;
const barArea = 420;
const valueWidth = 80;
const barHeight = 12;
const rowGap = 14;

/**
 * Grouped horizontal bars: per metric, one bar per channel. Shares are drawn
 * on 0..1; latencies (names ending in Ms) on 0..their largest value.
 */
export function svgMetricBars(title: string, metrics: readonly MetricName[], byChannel: Partial<Record<EvalChannel, SliceMetrics>>, channels: readonly EvalChannel[]): string {
  const groupHeight = channels.length * barHeight + rowGap;
  const legendHeight = 24;
  const height = legendHeight + metrics.length * groupHeight;
  const width = labelWidth + barArea + valueWidth;
  const largest = (metric: MetricName) =>
    metric.endsWith('Ms') ? Math.max(1, ...channels.map((channel) => byChannel[channel]?.[metric] ?? 0)) : 1;
  const legend = channels
    .map(
      (channel, index) =>
        `<rect x="${labelWidth + index * 100}" y="4" width="12" height="12" fill="${channelColours[channel] ?? '#555'}"/>` +
        `<text x="${labelWidth + index * 100 + 16}" y="14">${escapeHtml(channel)}</text>`,
    )
    .join('');
  const groups = metrics
    .map((metric, metricIndex) => {
      const top = legendHeight + metricIndex * groupHeight;
      const bars = channels
        .map((channel, channelIndex) => {
          const value = byChannel[channel]?.[metric] ?? null;
          const y = top + channelIndex * barHeight;
          const barWidth = value === null ? 0 : Math.max(1, (value / largest(metric)) * barArea);
          const shown = formatMetric(metric, value);
          return (
            `<g><title>${escapeHtml(`${channel}: ${metricLabels[metric]} ${shown}`)}</title>` +
            `<rect x="${labelWidth}" y="${y}" width="${barWidth.toFixed(1)}" height="${barHeight - 2}" fill="${channelColours[channel] ?? '#555'}"/>` +
            `<text x="${labelWidth + barArea + 6}" y="${y + barHeight - 3}" class="value">${escapeHtml(shown)}</text></g>`
          );
        })
        .join('');
      const labelY = top + (channels.length * barHeight) / 2 + 4;
      return `<text x="${labelWidth - 8}" y="${labelY}" text-anchor="end">${escapeHtml(metricLabels[metric])}</text>${bars}`;
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="chart">` +
    `<title>${escapeHtml(title)}</title>${legend}${groups}</svg>`
  );
}
