import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeSettings, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: undefined,
      loadSampleKnowledge: true,
      logLevel: 'info',
      defaultLocale: 'en',
    });
  });

  it('returns a frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('parses and converts given values', () => {
    const config = loadConfig({ PORT: '8080', LOAD_SAMPLE_KNOWLEDGE: 'false', DATABASE_URL: 'postgres://u:p@db:5432/app' });
    expect(config.port).toBe(8080);
    expect(config.loadSampleKnowledge).toBe(false);
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/app');
  });

  it('treats empty and blank strings as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '   ' });
    expect(config.port).toBe(3978);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('reports every bad variable at once, with what it expects and what it got', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', BODY_LIMIT_BYTES: '-1' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((problem) => problem.variable).sort()).toEqual(['BODY_LIMIT_BYTES', 'LOG_LEVEL', 'PORT']);
    expect((error as ConfigError).message).toContain('PORT: expected an integer port between 1 and 65535, got "eighty"');
    expect((error as ConfigError).message).toContain('LOG_LEVEL: expected one of fatal');
  });

  it('never shows a secret value in the error', () => {
    const secret = 'mysql://admin:hunter2@db/app';
    let message = '';
    try {
      loadConfig({ DATABASE_URL: secret });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('DATABASE_URL: expected a postgres:// or postgresql:// connection URL');
    expect(message).toContain('(hidden)');
    expect(message).not.toContain('hunter2');
  });
});

describe('.env.example', () => {
  const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');

  it('documents every setting with its default', () => {
    for (const setting of describeSettings()) {
      const line = setting.default === undefined ? `# ${setting.name}=` : `${setting.name}=${setting.default}`;
      expect(example, `${setting.name} is missing from .env.example`).toContain(line);
    }
  });

  it('documents nothing that config.ts does not read', () => {
    const documented = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]);
    const known = new Set(describeSettings().map((setting) => setting.name));
    expect(documented.filter((name) => !known.has(name as never))).toEqual([]);
  });
});

describe('README', () => {
  it('documents every setting in its configuration table', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const setting of describeSettings()) expect(readme).toContain(`| \`${setting.name}\` |`);
  });
});
