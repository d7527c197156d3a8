// A simulated extension: a copy of the library confirmed by the server (`base`), an outbox of mutations made
// offline, a pull cursor and a hybrid clock. It follows the client rules of shared/sync/README.md:
// push the outbox in order in batches of ≤ 50, drop a mutation from the outbox once a push answer lists it,
// pull until hasMore is false, apply a pulled object only if it is newer than the copy.
import type { PullResponse, PushResponse } from '../../../../shared/api/sync.ts';
import { uuidv7 } from '../../../../shared/ids.ts';
import { tickHlc } from '../../../../shared/sync/hlc.ts';
import type { Transport } from './transport.ts';

export interface Copy {
  kind: string;
  version: number;
  deleted: boolean;
  data: Record<string, unknown>;
}

export interface WireMutation {
  id: string;
  kind: 'practice' | 'highlight';
  objectId: string;
  baseVersion: number;
  hlc: string;
  op: 'put' | 'delete';
  fields?: Record<string, unknown>;
  add?: Record<string, string[]>;
  remove?: Record<string, string[]>;
}

export class SimClient {
  base = new Map<string, Copy>();
  outbox: WireMutation[] = [];
  cursor = 0;
  /** Objects this client created or deleted locally, not yet confirmed by a pull. */
  localLive = new Set<string>();
  localDeleted = new Set<string>();
  private hlc: string | null = null;
  /** Pull answers held back by the network, delivered later (reordering). */
  delayedPulls: PullResponse[] = [];
  /** Push bodies sent earlier that the network may deliver again (duplication, reordering). */
  sentPushes: { clientId: string; mutations: unknown[] }[] = [];

  constructor(
    readonly clientId: string,
    readonly member: number,
    readonly clock: () => number,
    readonly onAck: (m: WireMutation, result: PushResponse['results'][number], clientId: string) => void,
  ) {}

  /** Objects this client can see and edit now. */
  liveIds(kind: string): string[] {
    const ids = new Set([...this.base].filter(([, c]) => !c.deleted && c.kind === kind).map(([id]) => id));
    for (const m of this.outbox)
      if (m.kind === kind && m.op === 'put' && this.localLive.has(m.objectId)) ids.add(m.objectId);
    for (const id of this.localDeleted) ids.delete(id);
    return [...ids].sort();
  }

  record(m: Omit<WireMutation, 'id' | 'hlc' | 'baseVersion'>): WireMutation {
    this.hlc = tickHlc(this.hlc, this.clock());
    const full = {
      ...m,
      id: uuidv7(this.clock()),
      hlc: this.hlc,
      baseVersion: this.base.get(m.objectId)?.version ?? 0,
    };
    this.outbox.push(full);
    if (m.op === 'delete') this.localDeleted.add(m.objectId);
    else this.localLive.add(m.objectId);
    return full;
  }

  /** One push attempt of the first ≤ 50 outbox mutations, through a faulty network. */
  async push(server: Transport, fault: 'ok' | 'drop-request' | 'drop-response' | 'duplicate') {
    if (this.outbox.length === 0) return;
    const body = { clientId: this.clientId, mutations: this.outbox.slice(0, 50) };
    this.sentPushes.push(body);
    if (fault === 'drop-request') return;
    const answer = await server.push(this.member, body);
    if (fault === 'duplicate') await server.push(this.member, body);
    if (answer.status !== 200) throw new Error(`push refused: ${JSON.stringify(answer.body)}`);
    if (fault === 'drop-response') return;
    this.acknowledge(body.mutations, answer.body as PushResponse);
  }

  /** The network delivers an old push again; its answer is lost. */
  async replay(server: Transport, pick: number) {
    const body = this.sentPushes[pick % Math.max(1, this.sentPushes.length)];
    if (body) await server.push(this.member, body);
  }

  private acknowledge(sent: WireMutation[], res: PushResponse) {
    const done = new Map(res.results.map((r) => [r.id, r]));
    for (const m of sent) {
      const r = done.get(m.id);
      if (r) this.onAck(m, r, this.clientId);
    }
    this.outbox = this.outbox.filter((m) => !done.has(m.id));
  }

  /** Pulls until up to date; the last answer may be dropped or held back by the network. */
  async pull(server: Transport, limit: number, fault: 'ok' | 'drop' | 'delay') {
    for (let pages = 0; pages < 10_000; pages++) {
      const page = await server.pull(this.member, this.cursor, limit);
      if (!page.hasMore && fault !== 'ok') {
        if (fault === 'delay') this.delayedPulls.push(page);
        return;
      }
      this.apply(page);
      if (!page.hasMore) return;
    }
    throw new Error('pull did not finish');
  }

  deliverDelayed() {
    const page = this.delayedPulls.shift();
    if (page) this.apply(page);
  }

  apply(page: PullResponse) {
    for (const c of page.changes) {
      const mine = this.base.get(c.id);
      if (mine && mine.version >= c.version) continue;
      this.base.set(c.id, {
        kind: c.kind,
        version: c.version,
        deleted: c.deleted,
        data: c.deleted ? {} : stripEnvelope(c.object),
      });
      this.localLive.delete(c.id);
      if (c.deleted || !this.outbox.some((m) => m.objectId === c.id && m.op === 'delete'))
        this.localDeleted.delete(c.id);
    }
    this.cursor = Math.max(this.cursor, page.version);
  }

  /** Sync over a perfect network until nothing is pending and the copy is up to date. */
  async settle(server: Transport, limit: number) {
    while (this.outbox.length > 0) await this.push(server, 'ok');
    await this.pull(server, limit, 'ok');
  }
}

/** The copy keeps what sync is about: the kind's fields and the version (times and authors come along). */
function stripEnvelope(object: Record<string, unknown>): Record<string, unknown> {
  const { cityId: _c, ...rest } = object;
  return rest;
}
