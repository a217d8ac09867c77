// An operator's remote keyboard: Backspace or Escape goes up one level (Escape first closes an
// open explanation), Home goes to the district. Keys typed into a field are left alone.
import type { Router } from './router.ts';

export function bindKeys(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, router: Router, isExplaining: () => boolean): () => void {
  const onKey = (e: KeyboardEvent) => {
    const el = e.target as HTMLElement | null;
    if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable)) return;
    if (e.key === 'Escape' && isExplaining()) router.closeExplain();
    else if (e.key === 'Backspace' || e.key === 'Escape') router.up();
    else if (e.key === 'Home') router.home();
    else return;
    e.preventDefault();
  };
  target.addEventListener('keydown', onKey as EventListener);
  return () => target.removeEventListener('keydown', onKey as EventListener);
}
