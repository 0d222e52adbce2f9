import { connect } from 'node:net';

/**
 * Speaks SMTP line by line to `127.0.0.1:port`, waiting for each reply before
 * the next command, and returns the reply code of every step, the greeting
 * first. For what a mail library refuses to send: malformed commands.
 */
export async function smtpDialogue(port: number, commands: readonly string[], timeoutMs = 5000): Promise<number[]> {
  const socket = connect(port, '127.0.0.1');
  socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`No SMTP reply within ${timeoutMs} ms`)));
  let buffered = '';
  const waiting: ((code: number) => void)[] = [];
  const failures: ((error: Error) => void)[] = [];
  socket.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    // A reply ends with the line whose code is followed by a space; "250-" lines continue it.
    for (let match = /^(\d{3}) [^\r\n]*\r\n/m.exec(buffered); match; match = /^(\d{3}) [^\r\n]*\r\n/m.exec(buffered)) {
      buffered = buffered.slice(match.index + match[0].length);
      waiting.shift()?.(Number(match[1]));
    }
  });
  socket.on('error', (error) => failures.forEach((fail) => fail(error)));
  const nextReply = () =>
    new Promise<number>((resolve, reject) => {
      waiting.push(resolve);
      failures.push(reject);
    });

  try {
    const codes = [await nextReply()];
    for (const command of commands) {
      const reply = nextReply();
      socket.write(`${command}\r\n`);
      codes.push(await reply);
    }
    return codes;
  } finally {
    socket.end('QUIT\r\n');
    socket.destroy();
  }
}
