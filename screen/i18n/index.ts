import { en } from './en.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function translator(lang: Lang): Translate {
  const dict = dictionaries[lang];
  return (key) => dict[key] ?? zhCN[key] ?? key;
}

/** Looks up a dynamic key (a kind, a category) that may be missing from the dictionary. */
export function tryKey(t: Translate, key: string, fallback: string): string {
  return key in zhCN ? t(key as MessageKey) : fallback;
}
