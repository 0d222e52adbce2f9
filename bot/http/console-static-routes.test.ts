import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleStaticRoutes } from './console-static-routes.js';

describe('the expert console static files', () => {
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    const app = express();
    app.use(createConsoleStaticRoutes());
    app.use((_request, response) => {
      response.status(404).end();
    });
    server = createServer(app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('serves the page with a policy that allows nothing inline, nothing foreign and no framing', async () => {
    const response = await fetch(`${baseUrl}/console/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await response.text();
    expect(page).toContain('<script type="module" src="/console/console.js"></script>');
    expect(page).not.toMatch(/<script>|<style>|\son[a-z]+=/i);
  });

  it('sends the bare path to the folder, so relative module imports resolve', async () => {
    const response = await fetch(`${baseUrl}/console`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/console/');
  });

  it('serves the modules as JavaScript', async () => {
    for (const path of ['/console/console.js', '/console/views/case-view.js']) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^(text|application)\/javascript/);
    }
  });

  it('does not serve the tests that sit beside the assets', async () => {
    const response = await fetch(`${baseUrl}/console/console.browser.int.test.ts`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
