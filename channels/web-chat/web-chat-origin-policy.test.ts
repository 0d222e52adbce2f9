import { describe, expect, it } from 'vitest';
import { decideOrigin, normaliseAllowedOrigins } from './web-chat-origin-policy.js';

const allowed = normaliseAllowedOrigins(['https://www.lumenbank.example', 'http://127.0.0.1:5173/']);
const host = 'chat.lumenbank.example';

describe('decideOrigin', () => {
  it('lets an allowed origin in with CORS', () => {
    expect(decideOrigin('https://www.lumenbank.example', host, allowed)).toEqual({ allowed: true, corsOrigin: 'https://www.lumenbank.example' });
  });

  it('lets the service’s own pages in without CORS', () => {
    expect(decideOrigin('https://chat.lumenbank.example', host, allowed)).toEqual({ allowed: true });
  });

  it('lets requests without an Origin in (not a cross-site browser request)', () => {
    expect(decideOrigin(undefined, host, allowed)).toEqual({ allowed: true });
  });

  it('refuses any other origin, a look-alike, a port change and the opaque null origin', () => {
    for (const origin of ['https://evil.example', 'https://www.lumenbank.example.evil.example', 'http://127.0.0.1:5174', 'null', 'not a url']) {
      expect(decideOrigin(origin, host, allowed)).toEqual({ allowed: false });
    }
  });

  it('refuses everything cross-origin when the list is empty', () => {
    expect(decideOrigin('https://www.lumenbank.example', host, new Set())).toEqual({ allowed: false });
  });
});

describe('normaliseAllowedOrigins', () => {
  it('drops a trailing slash', () => {
    expect([...allowed]).toEqual(['https://www.lumenbank.example', 'http://127.0.0.1:5173']);
  });

  it('rejects an entry with a path or that is not a URL', () => {
    expect(() => normaliseAllowedOrigins(['https://www.lumenbank.example/help'])).toThrow(/without a path/);
    expect(() => normaliseAllowedOrigins(['www.lumenbank.example'])).toThrow(/scheme:\/\/host/);
  });
});
