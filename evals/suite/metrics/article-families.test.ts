import { describe, expect, it } from 'vitest';
import { articleFamilies } from './article-families.js';

describe('articleFamilies', () => {
  it('gives translations one id, whichever side names the other, through chains', () => {
    const families = articleFamilies([
      { articleId: 'close-account', translations: { nl: 'close-account-nl' } },
      { articleId: 'close-account-nl', translations: {} },
      { articleId: 'fees-de', translations: { nl: 'fees-nl' } },
      { articleId: 'fees-nl', translations: { en: 'fees' } },
      { articleId: 'lost-card', translations: {} },
    ]);
    expect(families.get('close-account-nl')).toBe('close-account');
    expect(families.get('close-account')).toBe('close-account');
    expect(new Set(['fees', 'fees-de', 'fees-nl'].map((id) => families.get(id)))).toEqual(new Set(['fees']));
    expect(families.get('lost-card')).toBe('lost-card');
  });
});
