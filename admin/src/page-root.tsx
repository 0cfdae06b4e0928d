import { type ComponentType, StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

let root: Root | null = null;

/** Shows a whole page (the sign-in page, the console) in #root, replacing what was there. */
export function showPage(Page: ComponentType): void {
  root ??= createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <StrictMode>
      <Page />
    </StrictMode>,
  );
}
