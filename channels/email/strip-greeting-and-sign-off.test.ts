import { describe, expect, it } from 'vitest';
import { stripGreetingAndSignOff } from './strip-greeting-and-sign-off.js';

describe('stripGreetingAndSignOff', () => {
  it('removes a salutation line and a sign-off with a name', () => {
    expect(stripGreetingAndSignOff('Hi,\n\nHow long does a SEPA transfer take?\n\nKind regards,\nEmma Jansen')).toBe(
      'How long does a SEPA transfer take?',
    );
  });

  it('does the same in Dutch', () => {
    expect(stripGreetingAndSignOff('Beste Lumen Bank,\n\nHoe lang duurt een overboeking?\n\nMet vriendelijke groet,\n\nJan de Vries')).toBe(
      'Hoe lang duurt een overboeking?',
    );
  });

  it('keeps the question when the sign-off is on the same line as text', () => {
    expect(stripGreetingAndSignOff('What does a replacement card cost? Thanks')).toBe('What does a replacement card cost? Thanks');
  });

  it('removes a closing "Thanks" and a bare first name', () => {
    expect(stripGreetingAndSignOff('Can I pay contactless with my phone?\n\nThanks!\nEmma')).toBe('Can I pay contactless with my phone?');
  });

  it('removes a lone name set apart by a blank line', () => {
    expect(stripGreetingAndSignOff('Thanks! And how long does it take before I get a new card?\n\nEmma')).toBe(
      'Thanks! And how long does it take before I get a new card?',
    );
    expect(stripGreetingAndSignOff('Is my money safe?\n\nJan de Vries')).toBe('Is my money safe?');
  });

  it('keeps a short last line that is not a name', () => {
    expect(stripGreetingAndSignOff('Hello there\n\ncard blocked')).toBe('card blocked');
    expect(stripGreetingAndSignOff('My card\n\nWhat now')).toBe('My card\n\nWhat now');
  });

  it('keeps a last line that is a sentence, not a name', () => {
    const text = 'My card was blocked.\nWhat should I do now?';
    expect(stripGreetingAndSignOff(text)).toBe(text);
  });

  it('takes time in proportion to the text, even for many leading blank lines (found by bench/fuzz)', () => {
    const started = performance.now();
    expect(stripGreetingAndSignOff(`${' \n'.repeat(200_000)}Hi,\nIs my card blocked?`)).toBe('Is my card blocked?');
    expect(stripGreetingAndSignOff('\n'.repeat(200_000))).toBe('');
    // Quadratic, this took 20 seconds; linear, a few milliseconds.
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('leaves a message that is nothing but a greeting', () => {
    expect(stripGreetingAndSignOff('Hi')).toBe('Hi');
    expect(stripGreetingAndSignOff('Kind regards,\nEmma')).toBe('Kind regards,\nEmma');
  });
});
