import { describe, expect, it } from 'vitest';
import { replyTexts } from '../../bot/reply-texts.js';
import type { ReplyContent } from './reply-content.js';
import { renderSms } from './render-sms.js';
import { measureSms } from './sms-encoding.js';

const cardCitation = {
  articleId: 'card-lost-or-stolen',
  title: 'Report a lost or stolen card',
  url: 'https://help.lumenbank.example/en/cards/card-lost-or-stolen',
};
const pinCitation = { articleId: 'forgotten-pin', title: 'Forgotten PIN', url: 'https://help.lumenbank.example/en/cards/forgotten-pin' };

const answer: ReplyContent = {
  text: 'Block your card in the app under Cards > Block card. Blocking takes effect immediately.',
  locale: 'en',
  citations: [cardCitation],
};

const longText = [
  'Block your card in the app under Cards > Block card.',
  'Blocking takes effect immediately, day and night, and cannot be undone.',
  'A new card is sent to your home address within five working days.',
  'Until it arrives you can pay with your phone if you added the card to your wallet before.',
  'If you see payments you did not make, report them in the app so we can investigate them.',
  'Keep your PIN secret and never share the codes we send you with anyone, not even with us.',
].join(' ');

describe('renderSms', () => {
  it('sends the answer, then the first source as a link', () => {
    expect(renderSms(answer, { maxSegments: 3 })).toEqual({
      body: `${answer.text}\n\nMore: ${cardCitation.url}`,
      segments: 1,
      encoding: 'GSM-7',
      warnings: [{ code: 'citations_as_link', omittedCitations: 0 }],
    });
  });

  it('says in Dutch where to read more', () => {
    expect(renderSms({ ...answer, locale: 'nl' }, { maxSegments: 3 }).body).toMatch(/\n\nMeer: https:/);
  });

  it('says how many further sources the single link stands for', () => {
    const rendered = renderSms({ ...answer, citations: [cardCitation, pinCitation] }, { maxSegments: 3 });
    expect(rendered.body).not.toContain(pinCitation.url);
    expect(rendered.body).not.toContain(cardCitation.title);
    expect(rendered.warnings).toEqual([{ code: 'citations_as_link', omittedCitations: 1 }]);
  });

  it('sends a handoff without a link and without warnings', () => {
    const rendered = renderSms({ text: replyTexts.en.handoff, locale: 'en', citations: [] }, { maxSegments: 3 });
    expect(rendered).toMatchObject({ body: replyTexts.en.handoff, warnings: [] });
  });

  it('puts the automated-assistant disclosure first', () => {
    const rendered = renderSms({ ...answer, disclosure: replyTexts.en.disclosure }, { maxSegments: 3 });
    expect(rendered.body).toBe(`${replyTexts.en.disclosure}\n\n${answer.text}\n\nMore: ${cardCitation.url}`);
    expect(rendered.segments).toBe(2);
  });

  it('writes markdown as plain text', () => {
    const rendered = renderSms({ ...answer, text: 'Tap **Block card** in the *app*. See [fees](https://a.example/fees).' }, { maxSegments: 3 });
    expect(rendered.body.split('\n\n')[0]).toBe('Tap Block card in the app. See fees (https://a.example/fees).');
  });

  it('shortens a long answer at a sentence boundary and keeps the link', () => {
    const rendered = renderSms({ ...answer, text: longText }, { maxSegments: 2 });
    expect(rendered.segments).toBeLessThanOrEqual(2);
    expect(rendered.encoding).toBe('GSM-7');
    expect(rendered.body).toMatch(/^Block your card in the app under Cards > Block card\. .*\. \.\.\.\n\nMore: https:\/\/help\.lumenbank\.example\/en\/cards\/card-lost-or-stolen$/s);
    expect(rendered.warnings).toEqual([
      { code: 'citations_as_link', omittedCitations: 0 },
      { code: 'truncated', originalLength: longText.length + 2 + 6 + cardCitation.url.length, renderedLength: rendered.body.length },
    ]);
  });

  it('uses "..." rather than "…" so a GSM-7 message does not turn into UCS-2', () => {
    const rendered = renderSms({ ...answer, text: longText }, { maxSegments: 1 });
    expect(rendered.body).toContain('...');
    expect(rendered).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('uses "…" in a message that is UCS-2 anyway', () => {
    const dutch = `${longText} Financiële hulp is er ook.`.replace('Block', 'Blokkeer je financiële pas.');
    const rendered = renderSms({ ...answer, text: dutch }, { maxSegments: 2 });
    expect(rendered.encoding).toBe('UCS-2');
    expect(rendered.body).toContain('…');
    expect(rendered.segments).toBeLessThanOrEqual(2);
  });

  it.each([1, 2, 3, 4, 6, 10])('never exceeds %i segments, whatever the text', (maxSegments) => {
    for (const text of [longText.repeat(5), `${longText} 😟`.repeat(4), 'x'.repeat(3000), `${'ë'.repeat(500)} end`]) {
      const rendered = renderSms({ ...answer, text, disclosure: replyTexts.nl.disclosure }, { maxSegments });
      expect(rendered.segments).toBeLessThanOrEqual(maxSegments);
      expect(rendered.segments).toBe(measureSms(rendered.body).segments);
      expect(rendered.body.length).toBeLessThanOrEqual(1600);
      // Shortened, or whole thanks to the short form of the notice: never cut without saying so.
      const codes = rendered.warnings.map((warning) => warning.code);
      expect(codes.includes('truncated') || codes.includes('short_disclosure')).toBe(true);
    }
  });

  it('keeps the disclosure and the link whole when it shortens', () => {
    const rendered = renderSms({ ...answer, text: longText, disclosure: replyTexts.en.disclosure }, { maxSegments: 3 });
    expect(rendered.body.startsWith(`${replyTexts.en.disclosure}\n\n`)).toBe(true);
    expect(rendered.body.endsWith(`\n\nMore: ${cardCitation.url}`)).toBe(true);
  });

  it('gives the notice in its short form when that lets the whole answer fit', () => {
    const text = longText.split('. ').slice(0, 4).join('. ');
    const rendered = renderSms({ ...answer, text, disclosure: replyTexts.en.disclosure }, { maxSegments: 3 });
    expect(rendered.body).toBe(`${replyTexts.en.shortDisclosure}\n\n${text}\n\nMore: ${cardCitation.url}`);
    expect(rendered.warnings.map((warning) => warning.code)).toEqual(['citations_as_link', 'short_disclosure']);
  });

  it('shows no link for a source without a web address', () => {
    const rendered = renderSms({ ...answer, citations: [{ ...cardCitation, url: '' }] }, { maxSegments: 3 });
    expect(rendered.body).toBe(answer.text);
  });

  it('drops the link, and says so, only when the disclosure and link leave no room', () => {
    const rendered = renderSms({ ...answer, text: longText, disclosure: replyTexts.en.disclosure }, { maxSegments: 1 });
    expect(rendered.segments).toBe(1);
    expect(rendered.body).not.toContain('More:');
    expect(rendered.warnings.map((warning) => warning.code)).toEqual(['citations_as_link', 'link_dropped', 'truncated']);
  });

  it('stays within the 1,600 characters Twilio accepts even with many segments', () => {
    const rendered = renderSms({ ...answer, text: longText.repeat(10) }, { maxSegments: 20 });
    expect(rendered.body.length).toBeLessThanOrEqual(1600);
    expect(rendered.segments).toBeLessThanOrEqual(11);
  });

  it('replaces typographic quotes and dashes to stay in GSM-7, and says so', () => {
    const rendered = renderSms({ ...answer, text: 'It’s blocked – at once.' }, { maxSegments: 3 });
    expect(rendered.body.split('\n\n')[0]).toBe("It's blocked - at once.");
    expect(rendered.encoding).toBe('GSM-7');
    expect(rendered.warnings).toContainEqual({ code: 'characters_replaced', characters: ['’', '–'] });
  });

  it('keeps typographic characters in a message that needs UCS-2 anyway', () => {
    const rendered = renderSms({ ...answer, text: 'Uw financiële pas – direct geblokkeerd.' }, { maxSegments: 3 });
    expect(rendered.body).toContain('–');
    expect(rendered.encoding).toBe('UCS-2');
  });

  it('counts an emoji as two code units', () => {
    const rendered = renderSms({ text: `${'a'.repeat(34)}😟${'a'.repeat(34)}`, locale: 'en', citations: [] }, { maxSegments: 1 });
    expect(rendered).toMatchObject({ encoding: 'UCS-2', segments: 1 });
  });

  it('refuses a segment budget below one', () => {
    expect(() => renderSms(answer, { maxSegments: 0 })).toThrow(RangeError);
    expect(() => renderSms(answer, { maxSegments: 1.5 })).toThrow(/maxSegments/);
  });
});
