import { describe, expect, it } from 'vitest';
import { replyTexts } from '../../bot/reply-texts.js';
import type { ReplyContent } from './reply-content.js';
import { renderWhatsApp } from './render-whatsapp.js';

const cardCitation = {
  articleId: 'card-lost-or-stolen',
  title: 'Report a lost or stolen card',
  url: 'https://help.lumenbank.example/en/cards/card-lost-or-stolen',
};
const pinCitation = { articleId: 'forgotten-pin', title: 'Forgotten *PIN*', url: 'https://help.lumenbank.example/en/cards/forgotten-pin' };

const answer: ReplyContent = {
  text: 'Block your card in the app under **Cards > Block card**. Blocking takes effect immediately.',
  locale: 'en',
  citations: [cardCitation, pinCitation],
};

const sentence = 'Blocking takes effect immediately, day and night, and cannot be undone. ';

describe('renderWhatsApp', () => {
  it('sends the answer in WhatsApp formatting with a numbered list of bold source titles and links', () => {
    expect(renderWhatsApp(answer)).toEqual({
      body: [
        'Block your card in the app under *Cards > Block card*. Blocking takes effect immediately.',
        '',
        '*Sources*',
        `1. *Report a lost or stolen card*: ${cardCitation.url}`,
        `2. *Forgotten PIN*: ${pinCitation.url}`,
      ].join('\n'),
      warnings: [],
    });
  });

  it('lists a source without a web address by its title alone', () => {
    const rendered = renderWhatsApp({ ...answer, citations: [{ ...cardCitation, url: '' }] });
    expect(rendered.body).toMatch(/1\. \*[^*]+\*$/);
  });

  it('heads the sources in Dutch for a Dutch reply', () => {
    expect(renderWhatsApp({ ...answer, locale: 'nl' }).body).toContain('\n\n*Bronnen*\n1. ');
  });

  it('puts the automated-assistant disclosure first', () => {
    expect(renderWhatsApp({ ...answer, disclosure: replyTexts.nl.disclosure }).body.startsWith(`${replyTexts.nl.disclosure}\n\nBlock`)).toBe(true);
  });

  it('sends a handoff as its text alone', () => {
    expect(renderWhatsApp({ text: replyTexts.en.handoff, locale: 'en', citations: [] })).toEqual({ body: replyTexts.en.handoff, warnings: [] });
  });

  it('fits a long answer in the 1,600 characters Twilio accepts, cut at a sentence, keeping every source', () => {
    const text = sentence.repeat(80).trim();
    const rendered = renderWhatsApp({ ...answer, text });
    expect(rendered.body.length).toBeLessThanOrEqual(1600);
    expect(rendered.body.length).toBeGreaterThan(1500);
    expect(rendered.body).toMatch(/undone\. …\n\n\*Sources\*\n1\. .*\n2\. \*Forgotten PIN\*: https:\S+$/);
    expect(rendered.warnings).toEqual([{ code: 'truncated', originalLength: expect.any(Number), renderedLength: rendered.body.length }]);
  });

  it('drops sources from the end, and says so, only when they alone do not fit', () => {
    const rendered = renderWhatsApp({ ...answer, text: sentence.repeat(3) }, { maxLength: 150 });
    expect(rendered.body.length).toBeLessThanOrEqual(150);
    expect(rendered.body).toContain(cardCitation.url);
    expect(rendered.body).not.toContain(pinCitation.url);
    expect(rendered.warnings.map((warning) => warning.code)).toEqual(['citations_dropped', 'truncated']);
    expect(rendered.warnings[0]).toEqual({ code: 'citations_dropped', omittedCitations: 1 });
  });

  it('never exceeds the limit, whatever it is', () => {
    for (const maxLength of [20, 80, 150, 500, 1600, 4096]) {
      const rendered = renderWhatsApp({ ...answer, text: sentence.repeat(100), disclosure: replyTexts.en.disclosure }, { maxLength });
      expect(rendered.body.length).toBeLessThanOrEqual(maxLength);
      expect(rendered.body.length).toBeGreaterThan(0);
    }
  });
});
