import type { Readable, Writable } from 'node:stream';

/** A terminal's input as Node gives it: a readable stream that may be put in raw mode. */
export type PasswordInput = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/**
 * Reads a password from standard input, never from the command line (where
 * other users see it in the process list and shells keep it in history). At a
 * terminal it is asked for twice without echo; piped in, the first line is it.
 */
export async function readPassword(input: PasswordInput, prompt: Writable): Promise<string> {
  if (!input.isTTY || !input.setRawMode) return firstLine(input);
  const password = await readHidden(input, prompt, 'Password: ');
  const repeated = await readHidden(input, prompt, 'Repeat the password: ');
  if (password !== repeated) throw new Error('The two passwords differ');
  return password;
}

async function firstLine(input: Readable): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function readHidden(input: PasswordInput, prompt: Writable, question: string): Promise<string> {
  prompt.write(question);
  input.setRawMode?.(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (outcome: () => void) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      prompt.write('\n');
      outcome();
    };
    const onData = (chunk: Buffer | string) => {
      for (const character of String(chunk)) {
        if (character === '\r' || character === '\n') return finish(() => resolve(typed));
        if (character === '\u0003') return finish(() => reject(new Error('Cancelled')));
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    input.on('data', onData);
  });
}
