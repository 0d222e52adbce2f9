import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { foregroundRequests } from '../../db/background-statements.js';
import { countForegroundRequests } from './count-foreground-requests.js';

describe('countForegroundRequests', () => {
  it('holds the foreground while a request is handled and lets go once it is answered, but not for event streams', async () => {
    const seen: number[] = [];
    const app = express();
    app.use(countForegroundRequests());
    app.get('/work', (_request, response) => {
      seen.push(foregroundRequests());
      response.send('done');
    });
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/work`;
      expect(await (await fetch(url)).text()).toBe('done');
      await fetch(url, { headers: { accept: 'text/event-stream' } });
      await new Promise((resolve) => setImmediate(resolve));
      expect(seen).toEqual([1, 0]);
      expect(foregroundRequests()).toBe(0);
    } finally {
      server.close();
    }
  });
});
