// A budget of FAILED authentication attempts per address, for everything that checks a secret a stranger
// could guess: an API token, a dashboard session cookie, a sign-in link, the sign-in form. By default 20
// failures at once, then one a second; past that every failed check from the address is answered 429 with
// Retry-After instead of its usual refusal. The secret is still checked: a good credential always passes
// (a member behind the same office address as a guesser, or as a colleague's browser holding a stale
// token, is never locked out; our secrets are 256-bit random, so the budget is there to slow and show a
// flood, not to make guessing infeasible). A good credential gives its attempt back, so members never spend
// the budget, and the API's hot path (a token already in the caller cache) never reaches this at all.
//
// Every failure is logged with the address, the route and the kind of failure, never the secret or its
// hash; a run of refusals is logged once, when it starts.
import type { Context } from 'hono';
import type { Logger } from '../on-error.ts';
import { type AttemptBudget, type AttemptStore, memoryAttemptStore } from './attempt-store.ts';
import { clientAddress } from './client-address.ts';

export type AuthFailureKind =
  | 'bad_token'
  | 'token_revoked'
  | 'member_disabled'
  | 'bad_session'
  | 'bad_sign_in_link'
  | 'bad_sign_in_token';

export interface AuthFailureOptions extends AttemptBudget {
  /** Where the budgets live; default: this process's memory (memoryAttemptStore). */
  store?: AttemptStore;
}

/** One check of a secret: report how it went. */
export interface AuthAttempt {
  /** Seconds to wait when the address is past its budget: a failed check is then answered 429, not 401. */
  readonly refusedFor: number | null;
  succeeded(): Promise<void>;
  failed(kind: AuthFailureKind): void;
}

export const defaultAuthFailureBudget: AttemptBudget = { burst: 20, perSecond: 1 };

export class AuthAttempts {
  private readonly store: AttemptStore | null;

  constructor(
    options: AuthFailureOptions | false,
    private readonly trustProxy: number,
    private readonly clock: () => number,
    private readonly log: Logger,
  ) {
    this.store = options ? (options.store ?? memoryAttemptStore(options)) : null;
  }

  /** Starts checking a secret sent with `c`; `refusedFor` says whether its address failed too often. */
  async begin(c: Context): Promise<AuthAttempt> {
    const address = clientAddress(c, this.trustProxy);
    const where = `${c.req.method} ${c.req.path}`;
    const { store, clock, log } = this;
    const failed = (kind: AuthFailureKind) => log(failureLine(kind, address, where));
    if (!store) return { refusedFor: null, succeeded: async () => {}, failed };
    const taken = await store.take(address, clock());
    if (!taken.ok) {
      if (taken.first)
        log(`auth: too many failed attempts from ${address}; refusing for ${taken.retryAfter} s (${where})`);
      // Nothing was taken, so a good credential has nothing to give back; a failure is not logged line by
      // line during a run of refusals (the line above said it started).
      return { refusedFor: taken.retryAfter, succeeded: async () => {}, failed: () => {} };
    }
    return { refusedFor: null, succeeded: async () => store.giveBack(address, clock()), failed };
  }
}

const failureLine = (kind: AuthFailureKind, address: string, where: string) =>
  `auth: failed attempt (${kind}) from ${address} on ${where}`;
