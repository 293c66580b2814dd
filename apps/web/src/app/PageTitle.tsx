import { useEffect } from 'react';
import { pageTitle } from './routes';

/** Sets `<title>` to `… - 12368 工单系统` (UI.md). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = pageTitle(title);
  }, [title]);
}
