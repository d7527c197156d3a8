// The address a request comes from, for the budget of failed sign-in attempts (auth-failures.ts).
// Without a proxy, the socket's remote address as @hono/node-server hands it in (`c.env.incoming`, read
// without importing Node: the app stays runtime-neutral). Behind `trustProxy` proxies, the address the
// nearest of them saw: X-Forwarded-For's entry that many places from the right (every proxy appends the
// address it received from; entries further left are whatever the client wrote, so they are never trusted).
// IPv6 addresses count per /64, the block one subscriber usually holds.
import type { Context } from 'hono';

export function clientAddress(c: Context, trustProxy: number): string {
  if (trustProxy > 0) {
    const hops = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const seen = hops[hops.length - trustProxy];
    if (seen) return addressKey(seen);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const remote = env?.incoming?.socket?.remoteAddress;
  return remote ? addressKey(remote) : 'unknown';
}

/** IPv4 as it is (also when mapped into IPv6); IPv6 reduced to its /64. */
export function addressKey(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1]!;
  if (!bare.includes(':')) return bare;
  const [head = '', tail = ''] = bare.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = bare.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
