import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvalReport } from './eval-report.js';
import { renderReportHtml } from './render-report-html.js';
import { renderSummaryMarkdown } from './render-summary-markdown.js';

export interface WrittenReports {
  json: string;
  markdown: string;
  html: string;
}

/** Writes `report.json`, `summary.md` and `report.html` into `directory` (created when missing). */
export async function writeReports(report: EvalReport, directory: string): Promise<WrittenReports> {
  await mkdir(directory, { recursive: true });
  const files = { json: join(directory, 'report.json'), markdown: join(directory, 'summary.md'), html: join(directory, 'report.html') };
  await writeFile(files.json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(files.markdown, renderSummaryMarkdown(report));
  await writeFile(files.html, renderReportHtml(report));
  return files;
}
