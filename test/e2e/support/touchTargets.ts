import type { Page } from 'playwright-core';

export interface TouchTargetProblem {
  target: string;
  problem: string;
}

/**
 * Every control a person can touch on the page as it stands (inside the open modal
 * dialog when there is one): at least `min` × `min` CSS px (WCAG 2.5.8 asks 24; the
 * agencies' kiosks ask 48) and at least `gap` px from every other control. Visually
 * hidden inputs (whose label is the target) are skipped; a control inside another is
 * not measured against it.
 */
export async function touchTargetProblems(page: Page, options: { min?: number; gap?: number } = {}): Promise<TouchTargetProblem[]> {
  const min = options.min ?? 48;
  const gap = options.gap ?? 8;
  return page.evaluate(
    ([minSize, minGap]) => {
      const selector = 'button, a[href], input:not([type=hidden]), select, textarea, [role=button], [role=radio], [role=checkbox], [role=switch], [role=tab]';
      const modal = document.querySelector('[aria-modal="true"]');
      const scope = modal ?? document;
      const describe = (el: Element) => {
        const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
        return `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${name}"`;
      };
      const targets = [...scope.querySelectorAll(selector)].filter((el) => {
        const box = el.getBoundingClientRect();
        if (box.width <= 2 || box.height <= 2) return false; // visually hidden; its label is the target
        return typeof (el as HTMLElement).checkVisibility === 'function' ? (el as HTMLElement).checkVisibility({ visibilityProperty: true, opacityProperty: true }) : true;
      });
      const problems: Array<{ target: string; problem: string }> = [];
      const boxes = targets.map((el) => ({ el, box: el.getBoundingClientRect() }));
      for (const { el, box } of boxes) {
        if (box.width + 0.5 < minSize || box.height + 0.5 < minSize) problems.push({ target: describe(el), problem: `${Math.round(box.width)}×${Math.round(box.height)} px, under ${minSize}×${minSize}` });
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
          const dx = Math.max(0, Math.max(a.box.left, b.box.left) - Math.min(a.box.right, b.box.right));
          const dy = Math.max(0, Math.max(a.box.top, b.box.top) - Math.min(a.box.bottom, b.box.bottom));
          const apart = Math.max(dx, dy);
          if (apart + 0.5 < minGap) problems.push({ target: `${describe(a.el)} / ${describe(b.el)}`, problem: `${apart.toFixed(1)} px apart, under ${minGap}` });
        }
      }
      return problems;
    },
    [min, gap] as const,
  );
}
