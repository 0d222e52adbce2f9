import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import type { TopicPolicy } from './topic-policy.js';
import { TopicPolicyError } from './topic-policy-error.js';
import { topicPolicySchema } from './topic-policy-schema.js';

export const defaultTopicPolicyPath = fileURLToPath(new URL('../../policy/restricted-topics.yaml', import.meta.url));

/** Reads and validates the restricted-topic policy; throws {@link TopicPolicyError} naming the file and every problem. */
export async function readTopicPolicy(path: string = defaultTopicPolicyPath): Promise<TopicPolicy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new TopicPolicyError(path, [{ at: 'file', message: `cannot be read (${code})` }], { cause: error });
  }
  return parseTopicPolicy(text, path);
}

/** Validates policy YAML already in memory; `path` labels the error and its file:line references. */
export function parseTopicPolicy(text: string, path: string): TopicPolicy {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new TopicPolicyError(
      path,
      document.errors.map((error) => ({
        at: 'file',
        ...(error.linePos ? { line: error.linePos[0].line } : {}),
        message: `not valid YAML: ${error.message.split('\n')[0]}`,
      })),
    );
  }
  const result = topicPolicySchema.safeParse(document.toJS());
  if (!result.success) {
    throw new TopicPolicyError(
      path,
      result.error.issues.map((issue) => {
        const line = lineOf(document, lineCounter, issue.path);
        return { at: issue.path.join('.') || 'file', ...(line === undefined ? {} : { line }), message: issue.message };
      }),
    );
  }
  return { topics: result.data.topics };
}

/** Line of the deepest existing node on the path: a missing key is reported at its parent. */
function lineOf(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let length = path.length; length >= 0; length -= 1) {
    const node: unknown = document.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
