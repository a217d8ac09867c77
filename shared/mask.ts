// Masking of personal names for the public profile: 张建华 → 张*华, 李梅 → 李*, 欧阳娜娜 → 欧**娜.

export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
