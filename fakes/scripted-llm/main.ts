import { parseArgs } from 'node:util';
import { startScriptedLlmServer } from './scripted-llm-server.js';

/**
 * Runs the scripted LLM server on its own, for the eval runner or by hand:
 * `tsx fakes/scripted-llm/main.ts --port 0` prints the base URL (with `/v1`)
 * as its only stdout line, then serves until SIGTERM or SIGINT.
 */
async function main(): Promise<void> {
  const port = readPort(process.argv.slice(2));
  if (port === undefined) {
    process.stderr.write('Usage: tsx fakes/scripted-llm/main.ts [--port <0..65535>]\n');
    process.exitCode = 2;
    return;
  }
  const server = await startScriptedLlmServer({ port, host: '127.0.0.1' });
  process.stdout.write(`${server.baseUrl}\n`);
  const stop = () => {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
    void server.close();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function readPort(args: string[]): number | undefined {
  try {
    const { values } = parseArgs({ args, options: { port: { type: 'string', default: '0' } }, strict: true });
    const port = Number(values.port);
    return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : undefined;
  } catch {
    return undefined;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
