import { describe, expect, it } from 'vitest';
import { toKebabSlug } from './to-kebab-slug.js';

describe('toKebabSlug', () => {
  it('lowercases and joins words with single hyphens', () => {
    expect(toKebabSlug('  ATM Fees -- 2026 (EU)! ')).toBe('atm-fees-2026-eu');
  });

  it('folds accents so Dutch and French words survive', () => {
    expect(toKebabSlug('Geïnde rente & café')).toBe('geinde-rente-cafe');
  });

  it('returns an empty string when no letter or digit is left', () => {
    expect(toKebabSlug('€ ? …')).toBe('');
  });

  it('cuts long text at a word boundary', () => {
    expect(toKebabSlug('How do I change my daily cash withdrawal limit', 20)).toBe('how-do-i-change-my');
    expect(toKebabSlug('supercalifragilistic', 5)).toBe('super');
  });
});
