import { describe, expect, it } from 'vitest';
import { markdownToPlainText, markdownToWhatsApp, stripWhatsAppFormatting } from './markdown-to-channel-text.js';

describe('markdownToPlainText', () => {
  it('drops emphasis and code marks but keeps the words', () => {
    expect(markdownToPlainText('Use **Block card** in the *app* or type `BLOCK`.')).toBe('Use Block card in the app or type BLOCK.');
  });

  it('keeps a link target as text', () => {
    expect(markdownToPlainText('See [our fees](https://help.lumenbank.example/en/fees).')).toBe(
      'See our fees (https://help.lumenbank.example/en/fees).',
    );
    expect(markdownToPlainText('[https://a.example](https://a.example)')).toBe('https://a.example');
  });

  it('leaves underscores inside words and URLs alone', () => {
    expect(markdownToPlainText('Open https://a.example/card_lost and the snake_case_name.')).toBe(
      'Open https://a.example/card_lost and the snake_case_name.',
    );
  });

  it('flattens headings, quotes and bullets', () => {
    expect(markdownToPlainText('## Steps\n> Note\n* one\n+ two\n\n\n\nEnd')).toBe('Steps\nNote\n- one\n- two\n\nEnd');
  });

  it('leaves a lone asterisk or arithmetic alone', () => {
    expect(markdownToPlainText('Cards marked * are free; 2 * 3 = 6.')).toBe('Cards marked * are free; 2 * 3 = 6.');
  });
});

describe('markdownToWhatsApp', () => {
  it('turns markdown bold and italics into WhatsApp formatting', () => {
    expect(markdownToWhatsApp('Use **Block card** in the *app*.')).toBe('Use *Block card* in the _app_.');
  });

  it('makes headings bold and keeps link targets', () => {
    expect(markdownToWhatsApp('# Lost card\nSee [fees](https://a.example/fees).')).toBe('*Lost card*\nSee fees (https://a.example/fees).');
  });
});

describe('stripWhatsAppFormatting', () => {
  it('removes characters that would break a bold title', () => {
    expect(stripWhatsAppFormatting('Fees *for* cards_\n~old~')).toBe('Fees for cards old');
  });
});
