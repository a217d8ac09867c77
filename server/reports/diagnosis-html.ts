// The diagnosis as a printable A4 page: inline styles only, no scripts and no external resources,
// so it satisfies the CSP (default-src 'self'; style-src 'self' 'unsafe-inline'). Every piece of
// user text goes through esc().

import type { Diagnosis, DiagnosisRow } from './diagnosis.ts';
import { LIGHT_ZH } from '../labels-zh.ts';

export const esc = (s: unknown): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function fmt(v: number | null, unit: DiagnosisRow['unit']): string {
  if (v === null) return '—';
  if (unit === 'ratio') return `${(v * 100).toFixed(1)}%`;
  if (unit === 'count') return Number.isInteger(v) ? String(v) : v.toFixed(1);
  return v.toFixed(1);
}

/** A4 print styles shared by the printable reports. */
export const PRINT_STYLE = `
@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; color: #222; margin: 0; font-size: 10.5pt; }
main { max-width: 180mm; margin: 0 auto; }
h1 { font-size: 17pt; color: #b71c1c; text-align: center; margin: 0 0 2mm; }
h2 { font-size: 12pt; border-left: 4px solid #b71c1c; padding-left: 2mm; margin: 5mm 0 2mm; }
.meta { text-align: center; color: #555; margin-bottom: 3mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #999; padding: 1mm 2mm; text-align: left; overflow-wrap: anywhere; }
th { background: #f3e5e5; }
td.n { text-align: right; }
.red { color: #c62828; font-weight: bold; } .yellow { color: #b8860b; font-weight: bold; } .green { color: #2e7d32; font-weight: bold; }
ul { margin: 0; padding-left: 5mm; }
`;

export function diagnosisHtml(d: Diagnosis): string {
  const rows = d.rows
    .map((r) => `<tr><td>${esc(r.label)}</td><td class="n">${fmt(r.value, r.unit)}</td><td class="n">${fmt(r.district, r.unit)}</td><td class="n">${r.rank === null ? '—' : `${r.rank} / ${r.of}`}</td></tr>`)
    .join('\n');
  const shortfalls = d.shortfalls.length ? `<ul>${d.shortfalls.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>` : '<p>各项指标均不低于全区平均水平。</p>';
  const reasons = d.reasons.length
    ? `<table><thead><tr><th style="width:18%">事项</th><th style="width:10%">灯色</th><th style="width:32%">问题</th><th>处方</th></tr></thead><tbody>${d.reasons
        .map((r) => `<tr><td>${esc(r.label)}</td><td class="${r.level}">${LIGHT_ZH[r.level]}</td><td>${esc(r.message)}</td><td>${esc(r.prescription)}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>本月无红黄灯预警。</p>';
  const trend = `<table><thead><tr>${d.trend.map((t) => `<th>${esc(t.month)}</th>`).join('')}</tr></thead><tbody><tr>${d.trend
    .map((t) => `<td class="n">${fmt(t.score, 'score')}</td>`)
    .join('')}</tr></tbody></table>`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(d.org.name)} 支部党建诊疗报告 ${esc(d.month)}</title>
<style>${PRINT_STYLE}</style></head>
<body><main>
<h1>支部党建诊疗报告</h1>
<p class="meta">${esc(d.org.name)}${d.org.parentName ? `（${esc(d.org.parentName)}）` : ''} · ${esc(d.month)} · 截至 ${esc(d.asOf)}</p>
<p>综合得分 <b>${fmt(d.score, 'score')}</b>，当前灯色 <span class="${esc(d.light)}">${esc(LIGHT_ZH[d.light] ?? d.light)}</span>。</p>
<h2>指标对比（排名：数值越高越靠前）</h2>
<table><thead><tr><th style="width:40%">指标</th><th>本支部</th><th>全区</th><th>排名</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>存在不足</h2>
${shortfalls}
<h2>预警与处方</h2>
${reasons}
<h2>近六个月综合得分</h2>
${trend}
</main></body></html>`;
}
