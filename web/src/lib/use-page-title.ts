import { useEffect } from 'react';

const PRODUCT_NAME = 'Saferhood';

/** Every page names itself in the browser tab and to screen readers. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT_NAME}` : PRODUCT_NAME;
  }, [title]);
}
