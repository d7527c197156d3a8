// The connect link and code: how a member's extension gets the server address and token without anyone
// copying a long secret by hand. The code is base64url of `{"v":1,"server":…,"token":…}`; the link is
// `<server>/connect#<code>`. The fragment never reaches the server or its logs. The options page accepts
// either the link or the bare code (parseConnectInput).
import { z } from '../zod.ts';

export const connectPayloadSchema = z.object({
  v: z.literal(1),
  server: z.url({ protocol: /^https?$/ }),
  token: z.string().min(1),
});
export type ConnectPayload = z.infer<typeof connectPayloadSchema>;

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const fromBase64Url = (code: string) =>
  new TextDecoder().decode(
    Uint8Array.from(atob(code.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
  );

export function encodeConnectCode(server: string, token: string): string {
  return toBase64Url(JSON.stringify({ v: 1, server: server.replace(/\/+$/, ''), token }));
}

export function connectLink(server: string, token: string): string {
  return `${server.replace(/\/+$/, '')}/connect#${encodeConnectCode(server, token)}`;
}

/** The server and token from a pasted connect link or code; null if it is neither. */
export function parseConnectInput(input: string): { server: string; token: string } | null {
  const trimmed = input.trim();
  const code = trimmed.includes('#') ? trimmed.slice(trimmed.indexOf('#') + 1) : trimmed;
  if (!/^[A-Za-z0-9_-]+$/.test(code)) return null;
  try {
    const parsed = connectPayloadSchema.safeParse(JSON.parse(fromBase64Url(code)));
    return parsed.success ? { server: parsed.data.server, token: parsed.data.token } : null;
  } catch {
    return null;
  }
}
