// The human-readable API reference at /api/docs: plain HTML generated from the route catalogue, no scripts,
// no CDN. Each route lists who may call it, its errors, and its request and response schemas.
import { accessText, catalogue } from './catalogue.ts';
import { openApiDocument } from './document.ts';
import { escapeHtml } from './escape-html.ts';

let cached: string | undefined;

export function docsPage(): string {
  if (cached) return cached;
  const doc = openApiDocument() as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const sections = catalogue.map((r) => {
    const op = doc.paths[r.path]![r.method]!;
    const json = (v: unknown) => `<pre>${escapeHtml(JSON.stringify(v, null, 2))}</pre>`;
    const body = op.requestBody
      ? `<details><summary>Request body</summary>${json(op.requestBody)}</details>`
      : '';
    const params = op.parameters
      ? `<details><summary>Parameters</summary>${json(op.parameters)}</details>`
      : '';
    const ok = Object.entries(op.responses as Record<string, unknown>)[0]!;
    return `<section id="${escapeHtml(`${r.method}-${r.path}`)}">
<h2><code>${r.method.toUpperCase()} ${escapeHtml(r.path)}</code></h2>
<p>${escapeHtml(r.summary)}. <strong>Access:</strong> ${escapeHtml(accessText[r.access])}.</p>
${r.errors.length ? `<p><strong>Errors:</strong> ${r.errors.map((e) => `<code>${escapeHtml(e)}</code>`).join(', ')}</p>` : ''}
${params}${body}<details><summary>Response ${escapeHtml(ok[0])}</summary>${json(ok[1])}</details>
</section>`;
  });
  cached = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ICC Clipper API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h2{font-size:1.05rem;margin-top:2rem;border-top:1px solid #ddd;padding-top:1rem}pre{background:#f5f5f5;padding:.75rem;overflow:auto;font-size:12px}
code{background:#f0f0f0;padding:0 .25rem}</style></head><body>
<h1>ICC Clipper sync server API</h1>
<p>Every route but the public ones needs <code>Authorization: Bearer &lt;token&gt;</code>. Errors always answer
<code>{ "error": { "code", "message", "details"? } }</code>. Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>.
The sync protocol (pull, push, merge rules) is described in <code>shared/sync/README.md</code>.</p>
<ul>${catalogue.map((r) => `<li><a href="#${escapeHtml(`${r.method}-${r.path}`)}"><code>${r.method.toUpperCase()} ${escapeHtml(r.path)}</code></a> — ${escapeHtml(r.summary)}</li>`).join('\n')}</ul>
${sections.join('\n')}
</body></html>`;
  return cached;
}
