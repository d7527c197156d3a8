// How a simulated client reaches "the server": the real app over app.request(), or the in-memory model
// built on the same pure core (memory-server.ts). Both answer like the HTTP API.
import type { PullResponse, PushResponse } from '../../../../shared/api/sync.ts';

export type PushAnswer = { status: 200; body: PushResponse } | { status: number; body: unknown };

export interface Transport {
  push(member: number, body: { clientId: string; mutations: unknown[] }): Promise<PushAnswer>;
  pull(member: number, since: number, limit: number): Promise<PullResponse>;
}
