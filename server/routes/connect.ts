// GET /connect: the page a connect link opens (`/connect#<code>`, shared/api/connect.ts). The code stays in
// the fragment, which browsers never send, so the token reaches neither the server nor its logs; the page's
// own small script decodes it and shows the server address, the token and the code to paste into the
// extension's options page. Inline script only, allowed by a per-response CSP nonce.
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';

const script = `
const code = location.hash.slice(1);
const show = (id, text) => { document.getElementById(id).textContent = text; };
try {
  const b = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
  const p = JSON.parse(new TextDecoder().decode(Uint8Array.from(b, (c) => c.charCodeAt(0))));
  if (p.v !== 1 || typeof p.server !== 'string' || typeof p.token !== 'string') throw new Error('bad code');
  show('server', p.server); show('token', p.token); show('code', code); show('prefix', p.token.slice(0, 10));
  document.getElementById('ok').hidden = false;
} catch { document.getElementById('bad').hidden = false; }`;

const page = (nonce: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Connect ICC Clipper</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}
code,output{display:block;background:#f3f3f3;padding:.5rem;word-break:break-all;font-family:ui-monospace,monospace}</style>
</head><body>
<h1>Connect ICC Clipper to this server <span lang="fr">· Connecter ICC Clipper à ce serveur</span></h1>
<p id="bad" hidden>This link carries no valid connect code. Ask your city's coordinator for a new one.<br>
<span lang="fr">Ce lien ne contient pas de code de connexion valide. Demandez-en un nouveau au coordinateur de votre ville.</span></p>
<div id="ok" hidden>
<ol><li>Click the <strong>ICC Clipper</strong> icon in the toolbar on this page, then <strong>Connect ICC Clipper to it</strong>.</li>
<li>Or open the extension's <strong>Settings</strong> and paste this page's address (or the connect code below) under <strong>City library</strong>.</li>
<li>Allow access to this server when the browser asks.</li></ol>
<ol lang="fr"><li>Cliquez sur l'icône <strong>ICC Clipper</strong> dans la barre d'outils sur cette page, puis sur <strong>Y connecter ICC Clipper</strong>.</li>
<li>Ou ouvrez les <strong>Paramètres</strong> de l'extension et collez l'adresse de cette page (ou le code ci-dessous) sous <strong>Bibliothèque de la ville</strong>.</li>
<li>Autorisez l'accès à ce serveur quand le navigateur le demande.</li></ol>
<h2>Connect code <span lang="fr">· Code de connexion</span></h2><output id="code"></output>
<h2>Or enter them by hand <span lang="fr">· Ou saisissez-les à la main</span></h2>
<p>Server address <span lang="fr">· Adresse du serveur</span></p><output id="server"></output>
<p>Access token, keep it secret <span lang="fr">· Jeton d'accès, à garder secret</span></p><output id="token"></output>
<p>Token prefix, to recognise it later in the list of tokens <span lang="fr">· Début du jeton, pour le reconnaître ensuite</span>: <strong id="prefix"></strong>…</p>
</div>
<p><a href="/api/docs">API reference</a></p>
<script nonce="${nonce}">${script}</script>
</body></html>`;

export const connectRoutes = new Hono<AppEnv>().get('/', (c) => {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'`,
  );
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  return c.html(page(nonce));
});
