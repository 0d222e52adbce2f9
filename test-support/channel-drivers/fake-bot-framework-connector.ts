import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/** One activity the bot posted back to the connector. */
export interface ConnectorActivity {
  /** `/v3/conversations/<conversation id>/activities/<reply-to id>`. */
  path: string;
  /** The conversation id, decoded from the path. */
  conversationId: string;
  body: z.infer<typeof connectorActivitySchema>;
  /** When the connector received it. */
  receivedAt: Date;
}

export interface FakeBotFrameworkConnector {
  /** What inbound activities carry as `serviceUrl`. */
  readonly url: string;
  readonly activities: readonly ConnectorActivity[];
  close(): Promise<void>;
}

/** Only the fields the drivers read; the bot sends many more. */
const connectorActivitySchema = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  channelData: z
    .looseObject({
      decision: z.enum(['answer', 'clarify', 'handoff']).optional(),
      citations: z.array(z.looseObject({ articleId: z.string() })).optional(),
    })
    .optional(),
});

const conversationPath = /^\/v3\/conversations\/([^/]+)\/activities/;

/**
 * A local stand-in for the Bot Framework connector on 127.0.0.1: records every
 * activity the bot posts back (the reply to a Teams or Direct Line message) and
 * answers as the connector does, with the new activity's id.
 */
export async function startFakeBotFrameworkConnector(): Promise<FakeBotFrameworkConnector> {
  const activities: ConnectorActivity[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      const parsed = connectorActivitySchema.safeParse(parseJson(Buffer.concat(chunks).toString('utf8')));
      if (!parsed.success) {
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 'BadArgument', message: parsed.error.message } }));
        return;
      }
      activities.push({ path, conversationId: decodeURIComponent(conversationPath.exec(path)?.[1] ?? ''), body: parsed.data, receivedAt: new Date() });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: `reply-${activities.length}` }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    activities,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text || '{}') as unknown;
  } catch {
    return undefined;
  }
}
