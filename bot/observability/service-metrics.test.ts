import { describe, expect, it } from 'vitest';
import { createServiceMetrics } from './service-metrics.js';

describe('service metrics', () => {
  it('counts generator failures with their fallback, and outbox deliveries by result', async () => {
    const metrics = createServiceMetrics({ processMetrics: false });
    metrics.recordGeneratorFailure({ generator: 'openai:gpt-4o-mini', error: 'GeneratorTimeoutError', fellBack: true });
    metrics.recordDelivery({ channel: 'sms', result: 'sent' });
    metrics.recordDelivery({ channel: 'sms', result: 'retry' });
    metrics.recordDelivery({ channel: 'email', result: 'dead' });
    const text = await metrics.registry.metrics();
    expect(text).toContain('assistant_generator_failures_total{generator="openai:gpt-4o-mini",error="GeneratorTimeoutError",fallback="true"} 1');
    expect(text).toContain('assistant_outbox_deliveries_total{channel="sms",result="sent"} 1');
    expect(text).toContain('assistant_outbox_deliveries_total{channel="sms",result="retry"} 1');
    expect(text).toContain('assistant_outbox_deliveries_total{channel="email",result="dead"} 1');
  });

  it('counts each reason of a handoff once and observes latency in seconds', async () => {
    const metrics = createServiceMetrics({ processMetrics: false });
    metrics.recordTurn({ channel: 'sms', decision: 'handoff', reasons: ['restricted_topic', 'restricted_topic', 'low_confidence'], latencyMs: 40 });
    metrics.recordTurn({ channel: 'sms', decision: 'answer', reasons: [], latencyMs: 1500 });
    const text = await metrics.registry.metrics();
    expect(text).toContain('assistant_handoff_reasons_total{reason="restricted_topic"} 1');
    expect(text).toContain('assistant_handoff_reasons_total{reason="low_confidence"} 1');
    expect(text).toContain('assistant_turn_duration_seconds_bucket{le="0.05",channel="sms",decision="handoff"} 1');
    expect(text).toContain('assistant_turn_duration_seconds_bucket{le="1",channel="sms",decision="answer"} 0');
    expect(text).toContain('assistant_turn_duration_seconds_bucket{le="2.5",channel="sms",decision="answer"} 1');
    expect(text).not.toContain('process_cpu');
  });
});
