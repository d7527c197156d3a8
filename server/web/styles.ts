// The dashboard's one stylesheet, served from /web/styles.css (the CSP allows styles from 'self' only, no
// inline styles). Small, system fonts, readable contrast, and a print layout for the period report.
export const stylesheet = `
:root{--fg:#1b1b1b;--muted:#555;--line:#d6d6d6;--bg:#fff;--soft:#f4f6f8;--accent:#0b5cad;--accent-dark:#08457f;--mark:#ffe58a;--bar:#2f6db5;--bad:#a4161a}
*{box-sizing:border-box}
html{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
body{margin:0}
a{color:var(--accent)}a:hover{color:var(--accent-dark)}
:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}.skip:focus{left:0}
header.top{background:#12355b;color:#fff;padding:.5rem 1rem}
header.top a{color:#fff}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.25rem;max-width:72rem;margin:0 auto}
.brand{font-weight:700;font-size:1.1rem;text-decoration:none}
nav.main ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
nav.main a{text-decoration:none;padding:.25rem 0;border-bottom:2px solid transparent}
nav.main a[aria-current=page]{border-bottom-color:#fff;font-weight:600}
.who{margin-left:auto;display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .75rem;font-size:.9rem}
.who form{margin:0}
.linkish{background:none;border:1px solid rgba(255,255,255,.6);color:#fff;border-radius:4px;padding:.1rem .5rem;font:inherit;cursor:pointer}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}h3{font-size:1.05rem;margin:1rem 0 .25rem}
.muted{color:var(--muted)}
.notice{border-left:4px solid var(--accent);background:var(--soft);padding:.5rem .75rem;margin:1rem 0}
.notice.error{border-color:var(--bad)}
div.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin-bottom:.75rem}
div.search .q{flex:1 1 20rem}
label{display:block;font-weight:600;font-size:.9rem}
input,select,button{font:inherit}
input[type=search],input[type=text],input[type=password],input[type=date],select{width:100%;padding:.35rem .5rem;border:1px solid #767676;border-radius:4px;background:#fff;color:var(--fg)}
button,.button{background:var(--accent);color:#fff;border:1px solid var(--accent);border-radius:4px;padding:.4rem .9rem;cursor:pointer;text-decoration:none;display:inline-block}
button:hover,.button:hover{background:var(--accent-dark);color:#fff}
button.secondary,.button.secondary{background:#fff;color:var(--accent)}
fieldset{border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem;margin:0 0 1rem}
legend{font-weight:700;padding:0 .25rem}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:.5rem 1rem;align-items:end}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin-top:.5rem}
.summaryline{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem;align-items:baseline}
ul.results{list-style:none;padding:0;margin:0}
ul.results>li{border-top:1px solid var(--line);padding:.75rem 0}
ul.results h2,ul.results h3{font-size:1.05rem;margin:0 0 .25rem}
mark{background:var(--mark);color:inherit;padding:0 .05em}
.chips{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;padding:0;margin:.25rem 0}
.chips li{background:var(--soft);border:1px solid var(--line);border-radius:999px;padding:0 .5rem;font-size:.85rem}
.meta{font-size:.9rem;color:var(--muted)}
nav.pages ul{display:flex;gap:1rem;list-style:none;padding:0;align-items:center}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
.content{max-width:46rem;overflow-wrap:anywhere}
.content pre{white-space:pre-wrap;background:var(--soft);padding:.5rem}
blockquote{margin:.5rem 0;padding:.25rem .75rem;border-left:4px solid var(--mark);background:#fffbea}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.25rem 0}
figure.chart{margin:1rem 0}
figure.chart svg{max-width:100%;height:auto}
.chart text{font:12px system-ui,sans-serif;fill:#1b1b1b}
.chart .value{fill:#1b1b1b}
.chart .zero{fill:var(--bad)}
.missing{color:var(--bad);font-weight:600}
.two{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem 2rem}
.report section{break-inside:avoid}
footer{max-width:72rem;margin:2rem auto;padding:0 1rem;color:var(--muted);font-size:.85rem}
@media print{
  header.top,.noprint,nav,footer,.skip{display:none!important}
  main{max-width:none;padding:0}
  a{color:inherit;text-decoration:none}
  body{font-size:11pt}
  h1{font-size:18pt}
}
`;
