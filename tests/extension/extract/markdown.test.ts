import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../extension/lib/extract/markdown.ts';
import { parsePage } from './fixture-page.ts';

const base = 'https://city.example/practices/page.html';

function md(html: string): string {
  const doc = parsePage(`<html><body><div id="root">${html}</div></body></html>`);
  return htmlToMarkdown(doc.getElementById('root')!, base);
}

/** A `<` or `>` not escaped with a backslash would let the renderer see HTML. */
const rawAngle = /(^|[^\\])[<>]/;

describe('htmlToMarkdown: structure', () => {
  it('writes headings, paragraphs, emphasis and inline code', () => {
    expect(
      md(
        '<h2>Results</h2><p>Visitors rose <strong>fast</strong> and <em>steadily</em>, see <code>reach</code>.</p>',
      ),
    ).toBe('## Results\n\nVisitors rose **fast** and *steadily*, see `reach`.');
  });

  it('keeps spaces outside emphasis markers so the emphasis still renders', () => {
    expect(md('<p>a<strong> bold </strong>b</p>')).toBe('a **bold** b');
  });

  it('writes nested lists with indentation and honours an ordered list start', () => {
    expect(
      md('<ol start="3"><li>Apply<ul><li>online</li><li>by post</li></ul></li><li>Attend</li></ol>'),
    ).toBe('3. Apply\n   - online\n   - by post\n4. Attend');
  });

  it('writes a blockquote with every line quoted', () => {
    expect(md('<blockquote><p>First.</p><p>Second.</p></blockquote>')).toBe('> First.\n>\n> Second.');
  });

  it('writes a fenced code block, with a fence longer than any backticks inside and the language', () => {
    expect(md('<pre><code class="language-js">const a = "```";\nrun(a);</code></pre>')).toBe(
      '````js\nconst a = "```";\nrun(a);\n````',
    );
  });

  it('turns <br> into a hard line break inside a paragraph', () => {
    expect(md('<p>Town hall<br>Main square 1</p>')).toBe('Town hall\\\nMain square 1');
  });

  it('writes a simple table as a GFM table', () => {
    const table =
      '<table><thead><tr><th>Indicator</th><th>2023</th></tr></thead><tbody><tr><td>Visitors | abroad</td><td>23%</td></tr></tbody></table>';
    expect(md(table)).toBe('| Indicator | 2023 |\n| --- | --- |\n| Visitors \\| abroad | 23% |');
  });

  it('writes a table with merged cells as plain paragraphs instead of a broken grid', () => {
    const out = md('<table><tr><td colspan="2">Title</td></tr><tr><td>a</td><td>b</td></tr></table>');
    expect(out).toBe('Title\n\na\n\nb');
  });

  it('resolves relative links and images against the base and keeps mailto links', () => {
    expect(
      md('<p><a href="../docs/report.pdf">Report</a> · <a href="mailto:info@city.example">Mail</a></p>'),
    ).toBe('[Report](https://city.example/docs/report.pdf) · [Mail](mailto:info@city.example)');
    expect(md('<p><img src="/img/a (1).png" alt="A [map]"></p>')).toBe(
      '![A \\[map\\]](https://city.example/img/a%20%281%29.png)',
    );
  });
});

describe('htmlToMarkdown: sanitising', () => {
  it('drops script, style, object and form controls with their content', () => {
    const out = md(
      '<p>Kept</p><script>alert("x")</script><style>p{color:red}</style><object data="x.swf">fallback</object><button>Buy</button><textarea>t</textarea>',
    );
    expect(out).toBe('Kept');
  });

  it('turns an embedded video into a link to its http(s) source and drops other embeds', () => {
    expect(
      md(
        '<iframe title="Mediators at work" src="https://video.example/embed/42"></iframe><iframe src="javascript:alert(1)"></iframe><video><source src="/media/clip.mp4"></video>',
      ),
    ).toBe(
      '[Mediators at work](https://video.example/embed/42) [https://city.example/media/clip.mp4](https://city.example/media/clip.mp4)',
    );
  });

  it('keeps blank lines inside a code block', () => {
    expect(md('<pre>line 1\n\n\nline 4</pre>')).toBe('```\nline 1\n\n\nline 4\n```');
  });

  it('never lets event handler attributes or javascript: links through', () => {
    const out = md(
      '<p onclick="steal()"><a href="javascript:alert(1)" onmouseover="steal()">Click</a> <a href=" JaVaScRiPt:alert(2)">Again</a> <img src="x.png" onerror="steal()" alt="pic"></p>',
    );
    expect(out).toBe('Click Again ![pic](https://city.example/practices/x.png)');
    expect(out).not.toMatch(/steal|javascript/i);
  });

  it('drops data: and other non-http images and links, keeping link text', () => {
    expect(
      md(
        '<p><img src="data:image/png;base64,AAAA" alt="x"><a href="data:text/html,hi">Data</a> <a href="ftp://x.example/f">FTP</a></p>',
      ),
    ).toBe('Data FTP');
  });

  it('escapes text that looks like HTML so it renders as text', () => {
    const out = md(
      '<p>Write &lt;script&gt;alert(1)&lt;/script&gt; or &lt;img src=x onerror=alert(1)&gt; here</p>',
    );
    expect(out).toBe('Write \\<script\\>alert(1)\\</script\\> or \\<img src=x onerror=alert(1)\\> here');
    expect(out).not.toMatch(rawAngle);
  });

  it('escapes Markdown-significant characters in text', () => {
    expect(md('<p>*not emphasis* and [not](a link) and `not code` and snake_case and _under_</p>')).toBe(
      '\\*not emphasis\\* and \\[not\\](a link) and \\`not code\\` and snake_case and \\_under\\_',
    );
  });

  it('escapes line starts that would become headings, list items or setext underlines', () => {
    expect(md('<p># not a heading</p><p>1. not a list</p><p>- not a bullet</p><p>===</p>')).toBe(
      '\\# not a heading\n\n1\\. not a list\n\n\\- not a bullet\n\n\\===',
    );
  });

  it('escapes text that a renderer would decode as an HTML entity', () => {
    expect(md('<p>Write &amp;amp; for an ampersand</p>')).toBe('Write \\&amp; for an ampersand');
  });

  it('never emits an unescaped angle bracket, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const doc = parsePage('<html><body><div id="root"><p></p></div></body></html>');
        doc.querySelector('p')!.textContent = text;
        expect(htmlToMarkdown(doc.getElementById('root')!, base)).not.toMatch(rawAngle);
      }),
    );
  });
});
