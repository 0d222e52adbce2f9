import { describe, expect, it } from 'vitest';
import { citationPrecision, factRecall, factsFound, groundedness } from './answer-metrics.js';
import { channelFailures, judgeCase } from './case-checks.js';
import { computeMetrics } from './compute-metrics.js';
import { crossChannelConsistency, paraphraseConsistency } from './consistency-metrics.js';
import { decisionAccuracy, handoffPrecision, handoffRecall } from './decision-metrics.js';
import { handMadeCase as aCase, handMadeCaseResult as results, handMadeResult as on } from './hand-made-results.js';
import { percentile } from './latency-metrics.js';
import { articleRanking, mrr, recallAt5 } from './retrieval-metrics.js';

const answerCase = aCase('pin', { decision: 'answer', articles: ['pin-reset'], facts: ['three attempts'] });
const handoffCase = aCase('mongolia', { decision: 'handoff' });

describe('decision metrics', () => {
  const cases = [
    results(answerCase, on('sms', { decision: 'answer' }), on('web-chat', { decision: 'handoff' })),
    results(handoffCase, on('sms', { decision: 'handoff' }), on('web-chat', { error: 'no reply within 30 s' })),
  ];

  it('counts every case × channel result, a missing reply as wrong', () => {
    expect(decisionAccuracy(cases)).toBe(2 / 4);
  });

  it('treats an expected handoff as the positive class', () => {
    // Handed off: web-chat on "pin" (wrong) and sms on "mongolia" (right).
    expect(handoffPrecision(cases)).toBe(1 / 2);
    // Expected handoff: sms (handed off) and web-chat (no reply).
    expect(handoffRecall(cases)).toBe(1 / 2);
  });

  it('has no precision when nothing was handed off, and no recall when no handoff was expected', () => {
    const answeredOnly = [results(answerCase, on('sms', { decision: 'answer' }))];
    expect(handoffPrecision(answeredOnly)).toBeNull();
    expect(handoffRecall(answeredOnly)).toBeNull();
  });
});

describe('retrieval metrics', () => {
  it('ranks each article once, at its best chunk', () => {
    const result = on('sms', { decision: 'answer', retrieved: ['a', 'a', 'b', 'c'] });
    expect(articleRanking(result.recorded)).toEqual(['a', 'b', 'c']);
  });

  it('measures recall@5 and MRR against the recorded retrieval', () => {
    const twoExpected = aCase('two', { decision: 'answer', articles: ['x', 'y'] });
    const cases = [
      // x at rank 2, y beyond the top 5: recall 1/2, reciprocal rank 1/2.
      results(twoExpected, on('sms', { decision: 'answer', retrieved: ['q', 'x', 'r', 's', 't', 'y'] })),
      // pin-reset first: recall 1, reciprocal rank 1.
      results(answerCase, on('sms', { decision: 'answer', retrieved: ['pin-reset'] })),
      // Nothing recorded: recall 0, reciprocal rank 0.
      results(answerCase, on('web-chat', { error: 'no reply' })),
      // No expected articles: not counted.
      results(handoffCase, on('sms', { decision: 'handoff', retrieved: ['q'] })),
    ];
    expect(recallAt5(cases)).toBeCloseTo((0.5 + 1 + 0) / 3);
    expect(mrr(cases)).toBeCloseTo((0.5 + 1 + 0) / 3);
  });

  it('has nothing to measure without expected articles', () => {
    expect(recallAt5([results(handoffCase, on('sms', { decision: 'handoff' }))])).toBeNull();
  });
});

describe('answer metrics', () => {
  it('finds facts case-insensitively, across line wraps', () => {
    expect(factsFound('Your PIN is blocked after THREE\nattempts.', ['three attempts', '24 hours'])).toEqual(['three attempts']);
  });

  it('measures citation precision over answered results of cases with expected articles', () => {
    const cases = [
      results(answerCase, on('sms', { decision: 'answer', cited: ['pin-reset', 'card-lost'] }), on('email', { decision: 'answer', cited: ['pin-reset'] })),
      // Handed off: its citations do not count.
      results(answerCase, on('sms', { decision: 'handoff', cited: ['other'] })),
      // No expected articles: not counted.
      results(aCase('free', { decision: 'answer' }), on('sms', { decision: 'answer', cited: ['anything'] })),
    ];
    expect(citationPrecision(cases)).toBe(2 / 3);
  });

  it('measures fact recall over every result of cases with facts', () => {
    const cases = [
      results(
        aCase('fees', { decision: 'answer', facts: ['€2.50', '10 seconds'] }),
        on('sms', { decision: 'answer', text: 'It costs €2.50 and arrives within 10 seconds.' }),
        on('web-chat', { decision: 'answer', text: 'It costs €2.50.' }),
      ),
    ];
    expect(factRecall(cases)).toBe(3 / 4);
  });

  it('counts a sentence grounded when it cites a retrieved chunk carrying each of its figures', () => {
    const grounded = { text: 'Call +31 20 555 0100 within 24 hours.', chunkIds: ['card#0'] };
    const wrongFigure = { text: 'Call within 48 hours.', chunkIds: ['card#0'] };
    const notRetrieved = { text: 'Block it in the app.', chunkIds: ['elsewhere#9'] };
    const noFigures = { text: 'Block it in the app.', chunkIds: ['card#0'] };
    const cases = [
      results(
        answerCase,
        on('sms', {
          decision: 'answer',
          retrieved: ['card'],
          sentences: [grounded, wrongFigure, notRetrieved, noFigures],
          chunkTexts: { 'card#0': 'Block your card in the app, or call +31 20 5550100 within 24 hours.', 'elsewhere#9': 'Block it in the app.' },
        }),
        // A handoff delivers no answer sentences.
        on('web-chat', { decision: 'handoff', sentences: [wrongFigure] }),
      ),
    ];
    expect(groundedness(cases)).toBe(2 / 4);
  });
});

describe('consistency metrics', () => {
  it('needs the same decision, citations and facts found on every channel', () => {
    const sameEverywhere = results(
      answerCase,
      on('sms', { decision: 'answer', cited: ['pin-reset'], text: 'After three attempts...' }),
      on('email', { decision: 'answer', cited: ['pin-reset', 'pin-reset'], text: 'after three  attempts, more text' }),
    );
    const factLost = results(
      answerCase,
      on('sms', { decision: 'answer', cited: ['pin-reset'], text: 'Reset your PIN.' }),
      on('email', { decision: 'answer', cited: ['pin-reset'], text: 'After three attempts...' }),
    );
    const otherCitation = results(handoffCase, on('sms', { decision: 'handoff' }), on('email', { decision: 'handoff', cited: ['x'] }));
    expect(crossChannelConsistency([sameEverywhere, factLost, otherCitation])).toBe(1 / 3);
    expect(crossChannelConsistency([results(answerCase, on('sms', { decision: 'answer' }))])).toBeNull();
  });

  it('compares paraphrases of one group on the reference channel only', () => {
    const paraphrase = (id: string, group: string) => aCase(id, { decision: 'answer' }, { group });
    const cases = [
      results(paraphrase('a1', 'a'), on('web-chat', { decision: 'answer', cited: ['x'] }), on('sms', { decision: 'handoff' })),
      results(paraphrase('a2', 'a'), on('web-chat', { decision: 'answer', cited: ['x'] }), on('sms', { decision: 'answer', cited: ['x'] })),
      results(paraphrase('b1', 'b'), on('web-chat', { decision: 'answer', cited: ['x'] })),
      results(paraphrase('b2', 'b'), on('web-chat', { decision: 'answer', cited: ['y'] })),
      // A group of one has nothing to be consistent with.
      results(paraphrase('c1', 'c'), on('web-chat', { decision: 'answer' })),
    ];
    expect(paraphraseConsistency(cases, 'web-chat')).toBe(1 / 2);
    expect(paraphraseConsistency(cases, 'sms')).toBe(0);
    expect(paraphraseConsistency(cases, undefined)).toBeNull();
  });
});

describe('latency', () => {
  it('takes the nearest-rank percentile', () => {
    const values = Array.from({ length: 20 }, (_, index) => (index + 1) * 10);
    expect(percentile(values, 0.5)).toBe(100);
    expect(percentile(values, 0.95)).toBe(190);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
});

describe('computeMetrics', () => {
  const dutch = aCase('nl-pin', { decision: 'answer', articles: ['pin-reset'] }, { locale: 'nl', tags: ['cards'] });
  const english = aCase('en-mongolia', { decision: 'handoff' }, { tags: ['out-of-scope', 'cards'] });
  const cases = [
    results(dutch, on('sms', { decision: 'answer', cited: ['pin-reset'], latenciesMs: [300] }), on('web-chat', { decision: 'answer', cited: ['pin-reset'], latenciesMs: [100] })),
    results(english, on('sms', { decision: 'answer', cited: ['x'], latenciesMs: [500] }), on('web-chat', { decision: 'handoff', latenciesMs: [50] })),
  ];
  const breakdown = computeMetrics(cases, ['sms', 'web-chat']);

  it('computes every metric overall', () => {
    expect(breakdown.overall).toMatchObject({ decisionAccuracy: 3 / 4, handoffRecall: 1 / 2, crossChannelConsistency: 1 / 2, cases: 2, results: 4 });
    expect(breakdown.overall.latencyP50Ms).toBe(100);
    expect(breakdown.overall.latencyP95Ms).toBe(500);
  });

  it('breaks the metrics down per channel, with no cross-channel figure for one channel', () => {
    expect(breakdown.byChannel.sms).toMatchObject({ decisionAccuracy: 1 / 2, handoffRecall: 0, latencyP50Ms: 300, crossChannelConsistency: null, results: 2 });
    expect(breakdown.byChannel['web-chat']).toMatchObject({ decisionAccuracy: 1, handoffRecall: 1, latencyP95Ms: 100 });
  });

  it('breaks the metrics down per locale and per tag', () => {
    expect(Object.keys(breakdown.byLocale)).toEqual(['en', 'nl']);
    expect(breakdown.byLocale.nl).toMatchObject({ decisionAccuracy: 1, cases: 1 });
    expect(breakdown.byTag.cards).toMatchObject({ cases: 2, decisionAccuracy: 3 / 4 });
    expect(breakdown.byTag['out-of-scope']).toMatchObject({ cases: 1, decisionAccuracy: 1 / 2 });
  });
});

describe('case checks', () => {
  it('names each unmet expectation', () => {
    const evalCase = aCase('fee', { decision: 'answer', articles: ['fees'], facts: ['€2.50'], reason: 'low_confidence' });
    expect(channelFailures(evalCase, on('sms', { decision: 'answer', cited: ['other'], text: 'It is free.' }))).toEqual([
      'cites other, expected one of fees',
      'missing "€2.50"',
      'reasons [], expected low_confidence',
    ]);
    expect(channelFailures(evalCase, on('sms', { error: 'no reply within 30 s to turn 1' }))).toEqual(['no reply within 30 s to turn 1']);
  });

  it('fails a case whose channels disagree even when each meets its expectation', () => {
    const evalCase = aCase('loose', { decision: 'answer' });
    const verdict = judgeCase(results(evalCase, on('sms', { decision: 'answer', cited: ['a'] }), on('email', { decision: 'answer', cited: ['b'] })));
    expect(verdict).toEqual({ passed: false, consistent: false, failuresByChannel: { sms: [], email: [] } });
  });
});
