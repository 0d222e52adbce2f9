import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import type { ReplyChannelData } from '../../bot/assistant-bot.js';
import { renderEmail, replySubject } from './render-email.js';

const cardCitation = {
  articleId: 'card-lost-or-stolen',
  title: 'Report a lost or stolen card',
  url: 'https://help.lumenbank.example/en/cards/card-lost-or-stolen',
};
const blockCitation = {
  articleId: 'card-block-in-app',
  title: 'Block your card in the app',
  url: 'https://help.lumenbank.example/en/cards/block-in-app',
};
const disclosure = 'You are chatting with an automated assistant. It answers only from our published help articles and shows its sources.';

function reply(text: string | undefined, channelData: ReplyChannelData): Partial<Activity> {
  return { type: 'message', text, locale: 'en', channelData };
}

describe('renderEmail', () => {
  it('writes the answer with numbered sources in plain text', () => {
    const rendered = renderEmail(
      reply('Blocking a card in the app takes effect immediately.', { decision: 'answer', citations: [cardCitation, blockCitation] }),
      { locale: 'en', subject: 'Lost card' },
    );
    expect(rendered.subject).toBe('Re: Lost card');
    expect(rendered.text).toBe(
      [
        'Blocking a card in the app takes effect immediately.',
        '',
        'Sources:',
        '[1] Report a lost or stolen card: https://help.lumenbank.example/en/cards/card-lost-or-stolen',
        '[2] Block your card in the app: https://help.lumenbank.example/en/cards/block-in-app',
        '',
      ].join('\n'),
    );
    expect(rendered.warnings).toEqual([]);
  });

  it('lists a source without a web address by its title alone', () => {
    const rendered = renderEmail(reply('Answer.', { decision: 'answer', citations: [{ ...cardCitation, url: '' }] }), { locale: 'en', subject: 'x' });
    expect(rendered.text).toContain(`[1] ${cardCitation.title}\n`.trimEnd());
    expect(rendered.text).not.toContain(`${cardCitation.title}:`);
    expect(rendered.html).not.toContain(`${cardCitation.title}:`);
  });

  it('links the sources in the HTML alternative', () => {
    const { html } = renderEmail(reply('Answer.', { decision: 'answer', citations: [cardCitation] }), { locale: 'en', subject: 'x' });
    expect(html).toContain('<ol><li><a href="https://help.lumenbank.example/en/cards/card-lost-or-stolen">Report a lost or stolen card</a></li></ol>');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<p>Answer.</p>');
  });

  it('puts the disclosure first in both bodies when the bot set one', () => {
    const rendered = renderEmail(reply('Answer.', { decision: 'answer', citations: [cardCitation], disclosure }), { locale: 'en', subject: 'x' });
    expect(rendered.text.startsWith(`${disclosure}\n\nAnswer.`)).toBe(true);
    expect(rendered.html.indexOf(disclosure)).toBeLessThan(rendered.html.indexOf('Answer.'));
  });

  it('leaves the disclosure out when the bot set none', () => {
    const rendered = renderEmail(reply('Answer.', { decision: 'answer', citations: [] }), { locale: 'en', subject: 'x' });
    expect(rendered.text).toBe('Answer.\n');
    expect(rendered.html).not.toContain('automated');
  });

  it('labels the sources in Dutch for a Dutch customer', () => {
    const rendered = renderEmail(reply('U kunt uw pas blokkeren in de app.', { decision: 'answer', citations: [cardCitation] }), {
      locale: 'nl',
      subject: 'Pas kwijt',
    });
    expect(rendered.text).toContain('Bronnen:\n[1] ');
    expect(rendered.html).toContain('<strong>Bronnen</strong>');
    expect(rendered.html).toContain('<html lang="nl">');
  });

  it('writes a handoff without a sources list', () => {
    const rendered = renderEmail(reply('This question needs one of our service team.', { decision: 'handoff', citations: [] }), {
      locale: 'en',
      subject: 'Mortgage',
    });
    expect(rendered.text).toBe('This question needs one of our service team.\n');
    expect(rendered.html).not.toContain('<ol>');
  });

  it('escapes HTML in the text, titles and URLs', () => {
    const rendered = renderEmail(
      reply('Fees < €5 & "free" transfers\n<script>alert(1)</script>', {
        decision: 'answer',
        citations: [{ articleId: 'a', title: 'Fees & <limits>', url: 'https://help.lumenbank.example/?a=1&b="2"' }],
      }),
      { locale: 'en', subject: '<b>Hi</b>' },
    );
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).toContain('Fees &#60; €5 &#38; &#34;free&#34; transfers<br>&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(rendered.html).toContain('href="https://help.lumenbank.example/?a=1&#38;b=&#34;2&#34;"');
    expect(rendered.html).toContain('<title>Re: &#60;b&#62;Hi&#60;/b&#62;</title>');
  });

  it('keeps paragraphs and line breaks in the HTML', () => {
    const { html } = renderEmail(reply('First line\nsecond line\n\nNext paragraph', { decision: 'answer', citations: [] }), { locale: 'en', subject: 'x' });
    expect(html).toContain('<p>First line<br>second line</p>\n<p>Next paragraph</p>');
  });

  it('does not link a citation whose URL is not http(s), and says so', () => {
    const rendered = renderEmail(
      reply('Answer.', { decision: 'answer', citations: [{ articleId: 'odd', title: 'Odd', url: 'javascript:alert(1)' }] }),
      { locale: 'en', subject: 'x' },
    );
    expect(rendered.html).toContain('<li>Odd: javascript:alert(1)</li>');
    expect(rendered.html).not.toContain('href="javascript');
    expect(rendered.text).toContain('[1] Odd: javascript:alert(1)');
    expect(rendered.warnings).toEqual([{ type: 'citation-not-linked', articleId: 'odd', url: 'javascript:alert(1)' }]);
  });

  it('lists an article cited twice once, and says so', () => {
    const rendered = renderEmail(reply('Answer.', { decision: 'answer', citations: [cardCitation, cardCitation] }), { locale: 'en', subject: 'x' });
    expect(rendered.text.match(/\[\d\]/g)).toEqual(['[1]']);
    expect(rendered.warnings).toEqual([{ type: 'duplicate-citation-merged', articleId: cardCitation.articleId }]);
  });

  it('warns about an empty reply text but still sends the disclosure', () => {
    const rendered = renderEmail(reply(undefined, { decision: 'handoff', citations: [], disclosure }), { locale: 'en', subject: 'x' });
    expect(rendered.text).toBe(`${disclosure}\n`);
    expect(rendered.warnings).toEqual([{ type: 'empty-text' }]);
  });

  it('throws on a reply without channel data', () => {
    expect(() => renderEmail({ type: 'message', text: 'Hi' }, { locale: 'en', subject: 'x' })).toThrow();
  });

  it('throws on malformed citations', () => {
    const activity = { type: 'message', text: 'Hi', channelData: { decision: 'answer', citations: [{ articleId: 'x' }] } };
    expect(() => renderEmail(activity, { locale: 'en', subject: 'x' })).toThrow(/citations/);
  });
});

describe('replySubject', () => {
  it.each([
    ['Lost card', 'Re: Lost card'],
    ['Re: Lost card', 'Re: Lost card'],
    ['RE: Re: re:Lost card', 'Re: Lost card'],
    ['Antw: Uw vraag over een betaalverzoek', 'Re: Uw vraag over een betaalverzoek'],
    ['AW: Frage', 'Re: Frage'],
    ['Re[2]: Lost card', 'Re: Lost card'],
    ['Fwd: Is this from you?', 'Re: Fwd: Is this from you?'],
    ['  Lost\r\n card  ', 'Re: Lost card'],
    ['Reminder about my card', 'Re: Reminder about my card'],
  ])('turns %j into %j', (subject, expected) => {
    expect(replySubject(subject, 'Your question').value).toBe(expected);
  });

  it('uses the fallback when there is no subject', () => {
    expect(replySubject('', 'Uw vraag').value).toBe('Re: Uw vraag');
    expect(replySubject('Re: ', 'Your question').value).toBe('Re: Your question');
  });

  it('shortens a very long subject and reports it', () => {
    const result = replySubject('x'.repeat(500), 'Your question');
    expect(result.truncated).toBe(true);
    expect([...result.value].length).toBe('Re: '.length + 200);
  });
});
