// Start-up shared by the small pages: their stylesheet, the language from ?lang=, one mount.
import { createApp, type Component } from 'vue';
import { translator, type Translate } from '../i18n/index.ts';
import './access.css';

export function mountPage(page: Component, title: (t: Translate) => string): void {
  const params = new URLSearchParams(window.location.search);
  const lang = params.get('lang') === 'en' ? 'en' : 'zh-CN';
  const t = translator(lang);
  document.documentElement.lang = lang;
  document.title = title(t);
  createApp(page, { t, params }).mount('#app');
}
