import { describe, expect, it } from 'vitest';
import { applyCitationGate } from './citation-gate.js';

const retrieved = new Set(['chunk-1', 'chunk-2']);

describe('applyCitationGate', () => {
  it('keeps a sentence that cites a passage retrieved for this question', () => {
    const sentence = { text: 'Block your card in the app.', citations: ['chunk-1'] };
    expect(applyCitationGate([sentence], retrieved)).toEqual({ kept: [sentence], dropped: [] });
  });

  it('drops a sentence that cites nothing', () => {
    const sentence = { text: 'Block your card in the app.', citations: [] };
    expect(applyCitationGate([sentence], retrieved)).toEqual({ kept: [], dropped: [sentence] });
  });

  it('drops a sentence that cites only passages not retrieved for this question', () => {
    const sentence = { text: 'Block your card in the app.', citations: ['chunk-9'] };
    expect(applyCitationGate([sentence], retrieved)).toEqual({ kept: [], dropped: [sentence] });
  });

  it('drops a sentence that cites an unknown passage beside a retrieved one', () => {
    const sentence = { text: 'Block your card.', citations: ['chunk-9', 'chunk-2'] };
    expect(applyCitationGate([sentence], retrieved)).toEqual({ kept: [], dropped: [sentence] });
  });

  it('cites each passage once', () => {
    const result = applyCitationGate([{ text: 'Block your card.', citations: ['chunk-1', 'chunk-2', 'chunk-1'] }], retrieved);
    expect(result.kept).toEqual([{ text: 'Block your card.', citations: ['chunk-1', 'chunk-2'] }]);
  });

  it('drops a blank sentence even when its citation is valid', () => {
    const sentence = { text: '  ', citations: ['chunk-1'] };
    expect(applyCitationGate([sentence], retrieved)).toEqual({ kept: [], dropped: [sentence] });
  });

  it('keeps the order of the sentences it keeps', () => {
    const sentences = [
      { text: 'First.', citations: ['chunk-2'] },
      { text: 'Invented.', citations: ['chunk-7'] },
      { text: 'Second.', citations: ['chunk-1'] },
    ];
    expect(applyCitationGate(sentences, retrieved).kept.map((sentence) => sentence.text)).toEqual(['First.', 'Second.']);
  });

  it('drops everything when nothing was retrieved', () => {
    const sentences = [{ text: 'Block your card.', citations: ['chunk-1'] }];
    expect(applyCitationGate(sentences, new Set())).toEqual({ kept: [], dropped: sentences });
  });

  it('does not change the sentences it was given', () => {
    const sentence = { text: 'Block your card.', citations: ['chunk-9', 'chunk-1'] };
    applyCitationGate([sentence], retrieved);
    expect(sentence.citations).toEqual(['chunk-9', 'chunk-1']);
  });
});
