import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html.js';
import { renderReportHtml } from './render-report-html.js';
import { renderSummaryMarkdown } from './render-summary-markdown.js';
import { sampleReport } from './sample-report.js';

describe('the reports', () => {
  const report = sampleReport();

  it('marks failing and inconsistent cases', () => {
    expect(report.counts).toEqual({ cases: 3, results: 9, passedCases: 1, failedCases: 2 });
    const byId = new Map(report.cases.map((item) => [item.id, item]));
    expect(byId.get('pin-forgotten')).toMatchObject({ passed: true, consistent: true });
    expect(byId.get('pin-blocked')).toMatchObject({ passed: false, consistent: false });
    expect(byId.get('pin-blocked')?.channels.sms?.failures).toEqual(['missing "three attempts"']);
    expect(byId.get('injection')?.channels['web-chat']).toMatchObject({ decision: 'none', failures: ['no reply to turn 1 within 30 s'] });
  });

  it('escapes every text from the run in the HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const html = renderReportHtml(report);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;');
    expect(html).not.toMatch(/<link|src=|url\(/);
  });

  it('writes a readable summary with the gate, the metrics per channel and the failing cases', () => {
    const summary = renderSummaryMarkdown(report);
    expect(summary).toContain('**Gate FAILED** against evals/thresholds.json:');
    expect(summary).toMatch(/- decisionAccuracy 0\.\d{3} is below the minimum 0\.900/);
    expect(summary).toContain('| metric | overall | sms | email | web-chat |');
    expect(summary).toContain('| Latency p50 | 180 ms | 180 ms | 700 ms | 60 ms |');
    expect(summary).toContain('## Failing cases (2 of 3)');
    expect(summary).toContain('### pin-blocked (en) [cards] — channels disagree');
    expect(summary).toContain('| email | handoff | – | low_confidence | decision handoff, expected answer; missing "three attempts" |');
    expect(summary).not.toContain('### pin-forgotten');
  });
});
