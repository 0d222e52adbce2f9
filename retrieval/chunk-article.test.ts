import { describe, expect, it } from 'vitest';
import { chunkArticle } from './chunk-article.js';

const title = 'Report a lost or stolen card';

const body = `# Report a lost or stolen card

If your card is lost or stolen, block it as soon as possible.

## Block your card straight away

Open the app, go to Cards and tap Block card.

## Order a replacement card

A replacement debit card arrives within 3 working days.
`;

function sentencesAbout(topic: string, count: number): string {
  return Array.from({ length: count }, (_, index) => `Sentence ${index + 1} about ${topic} has a few more words.`).join(' ');
}

describe('chunkArticle', () => {
  it('gives each section its own chunk headed "Title › Section"', async () => {
    expect(await chunkArticle(title, body)).toEqual([
      { ordinal: 0, heading: title, text: 'If your card is lost or stolen, block it as soon as possible.' },
      { ordinal: 1, heading: `${title} › Block your card straight away`, text: 'Open the app, go to Cards and tap Block card.' },
      { ordinal: 2, heading: `${title} › Order a replacement card`, text: 'A replacement debit card arrives within 3 working days.' },
    ]);
  });

  it('does not treat the "#" title line as content', async () => {
    const chunks = await chunkArticle(title, body);
    expect(chunks.some((chunk) => chunk.text.includes('# Report'))).toBe(false);
  });

  it('never mixes two sections in one chunk, even when both are short', async () => {
    const chunks = await chunkArticle(title, '## Fees\n\nA card costs €2.\n\n## Limits\n\nYou can pay up to €5,000.', {
      chunkSize: 2000,
    });
    expect(chunks.map((chunk) => [chunk.heading, chunk.text])).toEqual([
      [`${title} › Fees`, 'A card costs €2.'],
      [`${title} › Limits`, 'You can pay up to €5,000.'],
    ]);
  });

  it('splits a long section into chunks within the size, all under the section heading', async () => {
    const longSection = sentencesAbout('fees', 30);
    const chunks = await chunkArticle(title, `## Fees\n\n${longSection}\n\n## Limits\n\n${sentencesAbout('limits', 2)}`, {
      chunkSize: 200,
      chunkOverlap: 0,
    });
    const feeChunks = chunks.filter((chunk) => chunk.heading === `${title} › Fees`);
    expect(feeChunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(200);
    expect(feeChunks.every((chunk) => !chunk.text.includes('limits'))).toBe(true);
  });

  it('keeps all the text of a long section when splitting it', async () => {
    const longSection = sentencesAbout('fees', 30);
    const chunks = await chunkArticle(title, `## Fees\n\n${longSection}`, { chunkSize: 200, chunkOverlap: 40 });
    const chunkText = chunks.map((chunk) => chunk.text).join(' ');
    for (let index = 1; index <= 30; index += 1) {
      expect(chunkText).toContain(`Sentence ${index} about fees has a few more words.`);
    }
  });

  it('numbers chunks in order from zero', async () => {
    const chunks = await chunkArticle(title, `## Fees\n\n${sentencesAbout('fees', 20)}\n\n## Limits\n\nNo limit.`, {
      chunkSize: 200,
      chunkOverlap: 0,
    });
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual(chunks.map((_, index) => index));
  });

  it('skips sections that have a heading but no text', async () => {
    const chunks = await chunkArticle(title, '## Empty\n\n## Fees\n\nA card costs €2.');
    expect(chunks.map((chunk) => chunk.heading)).toEqual([`${title} › Fees`]);
  });

  it('returns no chunks for a body that is only a title', async () => {
    expect(await chunkArticle(title, `# ${title}\n`)).toEqual([]);
  });
});
