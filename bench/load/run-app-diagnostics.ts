import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadResults } from './load-results.js';
import { readQueryCensus } from './query-census.js';
import { runSmsSeries, type SmsSeriesRun } from './run-sms-series.js';
import { summariseCpuProfile } from './summarise-cpu-profile.js';

export interface AppDiagnostics {
  common: Omit<SmsSeriesRun, 'series' | 'rate' | 'durationSeconds' | 'replyWaitSeconds' | 'shutdownGraceSeconds'>;
  censusRate: number;
  profileRate: number;
  profileDurationSeconds: number;
  log(line: string): void;
}

/**
 * Where the app's time goes, for when it falls short: the database
 * statements per inbound SMS at a low rate (`query-census-preload.ts`), and a
 * `node --cpu-prof` profile of the app's main thread at the target rate, cut
 * to the load window. Both run on their own fresh copies of the app, after
 * and apart from the measured series.
 */
export async function runAppDiagnostics(diagnostics: AppDiagnostics): Promise<Pick<LoadResults, 'queryCensus' | 'profile'>> {
  const { common, log } = diagnostics;
  const found: Pick<LoadResults, 'queryCensus' | 'profile'> = {};

  log(`counting the app's database statements at ${diagnostics.censusRate} SMS/s (not part of the figures above)`);
  const census = await runSmsSeries({
    ...common,
    series: 80,
    rate: diagnostics.censusRate,
    durationSeconds: 10,
    replyWaitSeconds: 10,
    shutdownGraceSeconds: 300,
    imports: ['./bench/load/query-census-preload.ts'],
  });
  const queryCensus = readQueryCensus(census.stdout, census.inboundSent, diagnostics.censusRate);
  if (queryCensus) found.queryCensus = queryCensus;
  else log('the app printed no query census');

  const profileDir = await mkdtemp(join(tmpdir(), 'bench-load-profile-'));
  log(`profiling the app at ${diagnostics.profileRate} SMS/s (node --cpu-prof, ${diagnostics.profileDurationSeconds} s; not part of the figures above)`);
  const profiled = await runSmsSeries({
    ...common,
    series: 90,
    rate: diagnostics.profileRate,
    durationSeconds: diagnostics.profileDurationSeconds,
    replyWaitSeconds: 5,
    // The profile is written when the app exits, which it does once its backlog of turns is done.
    shutdownGraceSeconds: 900,
    nodeOptions: ['--cpu-prof', '--cpu-prof-dir', profileDir],
  });
  const file = (await readdir(profileDir)).find((name) => name.endsWith('.cpuprofile'));
  if (file) {
    const summary = await summariseCpuProfile(join(profileDir, file), { window: profiled.loadWindow });
    found.profile = { rate: diagnostics.profileRate, durationSeconds: diagnostics.profileDurationSeconds, summary, file: join(profileDir, file) };
    log(`profile kept at ${join(profileDir, file)}`);
  } else {
    log(`no CPU profile was written to ${profileDir}`);
  }
  return found;
}
