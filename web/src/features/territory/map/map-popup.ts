/** What a popup says: a title, a few lines, and maybe a link. Built from text nodes, never from HTML. */
export interface PopupContent {
  title: string;
  lines: readonly string[];
  link?: { href: string; text: string; onFollow: () => void };
}

export function buildPopupElement(content: PopupContent): HTMLElement {
  const root = document.createElement('div');
  root.className = 'territory-map-popup';
  const title = document.createElement('strong');
  title.textContent = content.title;
  root.append(title);
  for (const line of content.lines) {
    const paragraph = document.createElement('p');
    paragraph.textContent = line;
    root.append(paragraph);
  }
  if (content.link) {
    const { href, text, onFollow } = content.link;
    const anchor = document.createElement('a');
    anchor.href = href;
    anchor.textContent = text;
    // A plain click stays in the app (no reload); other clicks (new tab) keep the browser's behaviour.
    anchor.addEventListener('click', (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      onFollow();
    });
    root.append(anchor);
  }
  return root;
}
