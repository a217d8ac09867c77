// The member report as a printable A4 page, under the same constraints as the diagnosis page:
// inline styles only, no scripts, nothing external, every piece of user text through esc().

import { LIGHT_ZH } from '../labels-zh.ts';
import { esc, PRINT_STYLE } from './diagnosis-html.ts';
import type { MemberReport } from './member-report.ts';

const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

export function memberReportHtml(r: MemberReport): string {
  const m = r.member;
  const items = r.points.items
    .map((i) => `<tr><td>${esc(i.label)}</td><td class="n">${num(i.quantity)} ${esc(i.unit)}</td><td class="n">${num(i.per)}</td><td class="n">${num(i.points)}</td></tr>`)
    .join('\n');
  const reasons = r.reasons.length ? `<ul>${r.reasons.map((x) => `<li class="${x.level}">${esc(x.message)}</li>`).join('')}</ul>` : '<p>无预警。</p>';
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(m.name)} 党员锋领指数报告 ${r.year}</title>
<style>${PRINT_STYLE}</style></head>
<body><main>
<h1>党员锋领指数报告</h1>
<p class="meta">${esc(m.name)}（${esc(m.statusLabel)}） · ${esc(m.branch.name)}${m.parentName ? `（${esc(m.parentName)}）` : ''} · ${r.year}年 · 截至 ${esc(r.asOf)}</p>
<p>本年度锋领指数 <b>${num(r.points.total)}</b> 分；支部排名 <b>${r.rank.branch.rank} / ${r.rank.branch.of}</b>，全区排名 <b>${r.rank.district.rank} / ${r.rank.district.of}</b>；当前灯色 <span class="${esc(r.light)}">${esc(LIGHT_ZH[r.light] ?? r.light)}</span>。</p>
<h2>积分明细</h2>
<table><thead><tr><th style="width:40%">项目</th><th>数量</th><th>每项分值</th><th>得分</th></tr></thead><tbody>
${items}
<tr><th>合计</th><td></td><td></td><td class="n"><b>${num(r.points.total)}</b></td></tr>
</tbody></table>
<h2>预警原因</h2>
${reasons}
</main></body></html>`;
}
