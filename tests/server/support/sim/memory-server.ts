// The sync server reduced to its pure core: planPush and cutPage over maps, no database, no HTTP. Lets the
// property suite run thousands of histories quickly; the same histories also run against the real app.
import type { Change, PullResponse, PushResponse } from '../../../../shared/api/sync.ts';
import type { ConflictDraft, Mutation } from '../../../../shared/sync/mutation.ts';
import { materialise, type ObjectState } from '../../../../shared/sync/object-state.ts';
import { cutPage } from '../../../../shared/sync/pull.ts';
import { type ProcessedMutation, PushRejected, planPush } from '../../../../shared/sync/push.ts';
import type { PushAnswer, Transport } from './transport.ts';

export class MemoryServer implements Transport {
  version = 0;
  objects = new Map<string, ObjectState>();
  processed = new Map<string, ProcessedMutation>();
  conflicts: ConflictDraft[] = [];
  constructor(
    readonly memberIds: string[],
    readonly clock: () => number,
    readonly cityId = 'city-1',
  ) {}

  async push(member: number, body: { clientId: string; mutations: unknown[] }): Promise<PushAnswer> {
    const mutations = (body.mutations as Omit<Mutation, 'clientId'>[]).map((m) => ({
      ...m,
      clientId: body.clientId,
    }));
    try {
      const plan = planPush({
        cityId: this.cityId,
        memberId: this.memberIds[member]!,
        libraryVersion: this.version,
        nowMs: this.clock(),
        mutations,
        objects: this.objects,
        processed: this.processed,
      });
      for (const s of plan.writes) this.objects.set(s.id, s);
      for (const p of plan.processed) this.processed.set(p.id, p);
      this.conflicts = this.conflicts
        .filter((c) => !plan.deleted.includes(c.objectId))
        .concat(plan.conflicts);
      this.version = plan.version;
      return { status: 200, body: { version: plan.version, results: plan.results } satisfies PushResponse };
    } catch (error) {
      if (error instanceof PushRejected)
        return { status: 400, body: { error: error.path.join('.') + error.message } };
      throw error;
    }
  }

  async pull(_member: number, since: number, limit: number): Promise<PullResponse> {
    if (since === this.version) return { version: since, changes: [], hasMore: false };
    const rows = [...this.objects.values()]
      .filter((s) => s.version > since)
      .sort((a, b) => a.version - b.version || (a.id < b.id ? -1 : 1));
    const page = cutPage(rows.slice(0, limit + 1), limit, this.version);
    const picked =
      page.wholeVersion === undefined ? page.rows : rows.filter((r) => r.version === page.wholeVersion);
    return { version: page.through, hasMore: page.hasMore, changes: picked.map((s) => this.change(s)) };
  }

  private change(s: ObjectState): Change {
    if (s.deletedAt)
      return { kind: s.kind, id: s.id, version: s.version, deleted: true, deletedAt: s.deletedAt };
    return {
      kind: s.kind,
      id: s.id,
      version: s.version,
      deleted: false,
      object: materialise(s, this.cityId),
    };
  }
}
