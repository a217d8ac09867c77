// Times and numbers as the wall prints them, always in Asia/Shanghai whatever the PC's zone.
const TZ = 'Asia/Shanghai';
const hm = new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false });
const hms = new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const md = new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, month: '2-digit', day: '2-digit' });
const full = new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' });

export const formatHm = (ms: number | null | undefined) => (ms == null ? '—' : hm.format(ms));
export const formatHms = (ms: number) => hms.format(ms);
export const formatDate = (ms: number) => full.format(ms);

/** hh:mm for today, MM-DD hh:mm otherwise. */
export function formatWhen(ms: number | null | undefined, now: number): string {
  if (ms == null) return '—';
  const sameDay = md.format(ms) === md.format(now);
  return sameDay ? hm.format(ms) : `${md.format(ms).replace('/', '-')} ${hm.format(ms)}`;
}

/** Vanguard points as the server rounds them (two decimals at most: 28.75 and 28.8 must not read alike). */
export const formatPoints = (v: number) => String(Math.round(v * 100) / 100);

export function formatCount(v: number | null | undefined): string {
  return v == null ? '—' : Math.round(v).toLocaleString('en-US');
}
