import { SIGNATURE_FIELD_STYLES } from '../../pages/signature-field.js';

/**
 * The one stylesheet: system fonts, readable from 320 px wide up, visible focus, contrast ≥ 4.5:1 (#1f2937 and
 * #1d4ed8 on white, white on #1d4ed8). Served from /portal/style.css so the CSP can forbid inline styles.
 * The shared components' parts (pages/) come last.
 */
export const STYLESHEET = `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#fff}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
.top{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;padding:.75rem 1rem;border-bottom:1px solid #d1d5db;background:#f3f4f6}
.business{margin:0;font-weight:700;font-size:1.1rem}
.signout{display:flex;gap:.75rem;align-items:center;flex-wrap:wrap}
.who{color:#374151}
.mainnav{flex-basis:100%}
.mainnav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:0;padding:0;list-style:none}
.mainnav a{font-weight:600;text-decoration:none;padding:.25rem 0;display:inline-block}
.mainnav a[aria-current=page]{text-decoration:underline;text-decoration-thickness:3px;text-underline-offset:.35em}
textarea{font:inherit;padding:.5rem;border:1px solid #6b7280;border-radius:.375rem;width:100%;max-width:40rem;min-height:6rem}
.decide{display:grid;gap:1rem;margin:1.5rem 0}
.decide section{border-top:1px solid #d1d5db;padding-top:.5rem}
.error{color:#9a3412;font-weight:600}
button.reject{background:#fff;color:#9a3412;border:1px solid #9a3412}
button.reject:hover{background:#fff7ed}
.lines td.num,.lines th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
a{color:#1d4ed8}
a:focus-visible,button:focus-visible,input:focus-visible,iframe:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
button,.button{display:inline-block;font:inherit;padding:.5rem 1rem;border:0;border-radius:.375rem;background:#1d4ed8;color:#fff;text-decoration:none;cursor:pointer}
button:hover,.button:hover{background:#1e40af}
.signout button{background:#fff;color:#1d4ed8;border:1px solid #1d4ed8;padding:.25rem .75rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=email],input[type=date]{font:inherit;padding:.5rem;border:1px solid #6b7280;border-radius:.375rem;width:100%;max-width:22rem}
.filters{display:flex;gap:.5rem;flex-wrap:wrap;margin:0 0 1rem;padding:0;list-style:none}
.filters a{display:inline-block;padding:.25rem .75rem;border:1px solid #1d4ed8;border-radius:999px;text-decoration:none}
.filters a[aria-current=page]{background:#1d4ed8;color:#fff}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid #e5e7eb;vertical-align:top}
td.amount,th.amount{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.paid{color:#166534}
.open{color:#9a3412;font-weight:600}
.pager{display:flex;justify-content:space-between;gap:1rem;margin:1rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.pdf{width:100%;height:70vh;border:1px solid #d1d5db}
.notice{padding:.75rem 1rem;background:#eff6ff;border-left:4px solid #1d4ed8}
.zip{margin-top:2rem;padding-top:1rem;border-top:1px solid #d1d5db}
.zip .dates{display:flex;flex-wrap:wrap;gap:0 1rem}
@media (max-width:40rem){
  thead{position:absolute;left:-999px}
  tr{display:block;padding:.5rem 0;border-bottom:1px solid #e5e7eb}
  td{display:flex;justify-content:space-between;gap:1rem;border:0;padding:.125rem 0}
  td::before{content:attr(data-label);font-weight:600}
  td.amount{text-align:right}
  .pdf{height:50vh}
}
${SIGNATURE_FIELD_STYLES}`;
