import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const cpuProfileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
      children: z.array(z.number()).optional(),
    }),
  ),
  startTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

export interface ProfileEntry {
  /** `function (file:line)`, file relative to the project. */
  name: string;
  /** Share of all sampled time (idle included). */
  percent: number;
  milliseconds: number;
}

export interface CpuProfileSummary {
  sampledSeconds: number;
  /** Share of sampled time the main thread was idle (waiting for I/O or timers). */
  idlePercent: number;
  garbageCollectionPercent: number;
  /** Functions by time spent in their own code. */
  topSelf: ProfileEntry[];
  /** Project functions by time spent in them and everything they call. */
  topInclusive: ProfileEntry[];
  /** Self time by where the code lives: a project folder, an npm package, or Node itself. */
  byArea: ProfileEntry[];
}

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`) of the app's main
 * thread: where its own time goes, which of our functions (with what they
 * call) account for it, and which packages.
 */
export async function summariseCpuProfile(
  path: string,
  options: { window?: { fromMicroseconds: number; toMicroseconds: number }; top?: number } = {},
): Promise<CpuProfileSummary> {
  const top = options.top ?? 15;
  const profile = cpuProfileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const selfByNode = new Map<number, number>();
  let totalMs = 0;
  // Sample times are CLOCK_MONOTONIC microseconds: only the load window counts, not start-up or shutdown.
  let sampledAt = profile.startTime;
  profile.samples.forEach((nodeId, index) => {
    const deltaMicroseconds = profile.timeDeltas[index] ?? 0;
    sampledAt += deltaMicroseconds;
    if (options.window && (sampledAt < options.window.fromMicroseconds || sampledAt > options.window.toMicroseconds)) return;
    const deltaMs = deltaMicroseconds / 1000;
    totalMs += deltaMs;
    selfByNode.set(nodeId, (selfByNode.get(nodeId) ?? 0) + deltaMs);
  });

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const areas = new Map<string, number>();
  let idleMs = 0;
  let gcMs = 0;
  for (const [nodeId, milliseconds] of selfByNode) {
    const node = byId.get(nodeId);
    if (!node) continue;
    const name = frameName(node.callFrame);
    if (node.callFrame.functionName === '(idle)') idleMs += milliseconds;
    if (node.callFrame.functionName === '(garbage collector)') gcMs += milliseconds;
    self.set(name, (self.get(name) ?? 0) + milliseconds);
    const area = areaOf(node.callFrame);
    areas.set(area, (areas.get(area) ?? 0) + milliseconds);
    // Each project function on the stack gets the time once, however often it recurses.
    const seen = new Set<string>();
    for (let current: number | undefined = nodeId; current !== undefined; current = parentOf.get(current)) {
      const frame = byId.get(current)?.callFrame;
      if (!frame || !isProjectCode(frame.url)) continue;
      const frameKey = frameName(frame);
      if (seen.has(frameKey)) continue;
      seen.add(frameKey);
      inclusive.set(frameKey, (inclusive.get(frameKey) ?? 0) + milliseconds);
    }
  }
  const entries = (values: Map<string, number>) =>
    [...values]
      .sort((left, right) => right[1] - left[1])
      .slice(0, top)
      .map(([name, milliseconds]) => ({ name, milliseconds: Math.round(milliseconds), percent: Math.round((1000 * milliseconds) / totalMs) / 10 }));
  return {
    sampledSeconds: Math.round(totalMs / 100) / 10,
    idlePercent: Math.round((1000 * idleMs) / totalMs) / 10,
    garbageCollectionPercent: Math.round((1000 * gcMs) / totalMs) / 10,
    topSelf: entries(self),
    topInclusive: entries(inclusive),
    byArea: entries(areas),
  };
}

function frameName(frame: { functionName: string; url: string; lineNumber: number }): string {
  if (frame.url === '') return frame.functionName || '(anonymous)';
  // tsx hands V8 our TypeScript compiled onto one line, so only the file says where a project function is.
  const where = isProjectCode(frame.url) || frame.url.startsWith('wasm://') ? relativePath(frame.url) : `${relativePath(frame.url)}:${frame.lineNumber + 1}`;
  return `${frame.functionName || '(anonymous)'} (${where})`;
}

function relativePath(url: string): string {
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  // A symlinked node_modules resolves outside the project: name packages from node_modules/ on, wherever it lives.
  const modules = path.indexOf('/node_modules/');
  if (modules >= 0) return path.slice(modules + 1);
  return path.startsWith(projectRoot) ? path.slice(projectRoot.length) : path;
}

function isProjectCode(url: string): boolean {
  const path = relativePath(url);
  return url.startsWith('file://') && !path.startsWith('/') && !path.startsWith('node_modules/');
}

function areaOf(frame: { functionName: string; url: string }): string {
  if (frame.url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  if (frame.url.startsWith('wasm://')) return 'WebAssembly (PGlite)';
  const path = relativePath(frame.url);
  const modules = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (modules?.[1]) return modules[1];
  if (path.startsWith('node:')) return 'node internals';
  return isProjectCode(frame.url) ? `${path.split('/')[0] ?? path}/` : path;
}
