// Hybrid logical clocks (Kulkarni et al., "Logical Physical Clocks", 2014): wall time plus a counter, so a
// client's edits stay ordered even when its clock stands still, and stamps compare as plain strings.
// Format: `2025-06-01T10:00:00.000Z-0007` (ISO time in UTC, four-digit counter).
import { z } from 'zod';

export const hlcPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-\d{4}$/;
export const hlcSchema = z
  .string()
  .regex(hlcPattern, 'must be a hybrid logical clock stamp (ISO time + "-NNNN")');

interface Hlc {
  ms: number;
  counter: number;
}

const maxCounter = 9999;

export function formatHlc({ ms, counter }: Hlc): string {
  return `${new Date(ms).toISOString()}-${String(counter).padStart(4, '0')}`;
}

export function parseHlc(stamp: string): Hlc {
  return { ms: Date.parse(stamp.slice(0, 24)), counter: Number(stamp.slice(25)) };
}

/** The ISO time part of a stamp. */
export const hlcTime = (stamp: string): string => stamp.slice(0, 24);

/** The stamp of a new local event: after `last` and never behind the wall clock. */
export function tickHlc(last: string | null, nowMs: number): string {
  if (!last) return formatHlc({ ms: nowMs, counter: 0 });
  const prev = parseHlc(last);
  if (nowMs > prev.ms) return formatHlc({ ms: nowMs, counter: 0 });
  return prev.counter >= maxCounter
    ? formatHlc({ ms: prev.ms + 1, counter: 0 })
    : formatHlc({ ms: prev.ms, counter: prev.counter + 1 });
}

/** Merges a stamp seen from elsewhere into the local clock, so later local events sort after it. */
export function observeHlc(local: string | null, remote: string, nowMs: number): string {
  const latest = local && local > remote ? local : remote;
  return tickHlc(latest, nowMs);
}

/** Caps a stamp at `maxMs`: a client whose clock runs ahead must not win every conflict for hours. */
export function clampHlc(stamp: string, maxMs: number): string {
  const { ms, counter } = parseHlc(stamp);
  return ms > maxMs ? formatHlc({ ms: maxMs, counter }) : stamp;
}

export const maxHlc = (a: string, b: string): string => (a > b ? a : b);
