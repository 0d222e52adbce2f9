import { EventEmitter, once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { installGracefulShutdown } from './graceful-shutdown.js';

function get(port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path: '/', agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('installGracefulShutdown', () => {
  it('finishes the in-flight request, refuses new connections, then closes resources and exits 0', async () => {
    let releaseSlowRequest: () => void = () => undefined;
    let requestArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (requestArrived = resolve));
    const server = createServer((_request, response) => {
      requestArrived();
      releaseSlowRequest = () => response.end('finished');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;

    const signals = new EventEmitter();
    const events: string[] = [];
    const exited = new Promise<number>((resolve) =>
      installGracefulShutdown({
        server,
        logger: pino({ level: 'silent' }),
        timeoutMs: 5_000,
        signals,
        onServerClosed: async () => {
          events.push('resources closed');
        },
        exit: (code) => {
          events.push(`exit ${code}`);
          resolve(code);
        },
      }),
    );

    const inFlight = get(port);
    await arrived;
    signals.emit('SIGTERM', 'SIGTERM');
    await expect(get(port)).rejects.toThrow(/ECONNREFUSED/);
    expect(events).toEqual([]);

    releaseSlowRequest();
    expect(await inFlight).toEqual({ status: 200, body: 'finished' });
    expect(await exited).toBe(0);
    expect(events).toEqual(['resources closed', 'exit 0']);
  });

  it('cuts connections still open after the timeout', async () => {
    const server = createServer(() => undefined);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const signals = new EventEmitter();
    const exited = new Promise<number>((resolve) =>
      installGracefulShutdown({
        server,
        logger: pino({ level: 'silent' }),
        timeoutMs: 50,
        signals,
        onServerClosed: async () => undefined,
        exit: resolve,
      }),
    );
    const hanging = get(port).catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 20));
    signals.emit('SIGINT', 'SIGINT');
    expect(await exited).toBe(0);
    expect(await hanging).toMatch(/socket hang up|ECONNRESET/);
  });
});
