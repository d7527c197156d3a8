// Every bench, one module each. To add one (a server bench, say), write bench/NAME.ts exporting a Bench and
// list it here; `npm run bench -- --only NAME` then runs it alone.
import { aggregatesBench } from './aggregates.ts';
import { bulkPush } from './bulk-push.ts';
import { bundleSize } from './bundle-size.ts';
import { clipPipeline } from './clip-pipeline.ts';
import { historyGrowth } from './history-growth.ts';
import { incrementalPull } from './incremental-pull.ts';
import { initialSync } from './initial-sync.ts';
import { offlineSearch } from './offline-search.ts';
import { pullThroughput } from './pull-throughput.ts';
import type { Bench } from './report.ts';
import { searchBench } from './search.ts';
import { translationMemory } from './translation-memory.ts';

export const benches: Bench[] = [
  clipPipeline,
  bundleSize,
  bulkPush,
  initialSync,
  incrementalPull,
  pullThroughput,
  searchBench,
  offlineSearch,
  aggregatesBench,
  translationMemory,
  historyGrowth,
];
