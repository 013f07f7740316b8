import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DRAFT_PREVIEW_GLOBAL, loadDraftPreview } from '../../src/device/loadDraftPreview.ts';

const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8'));

/** A preview frame's window whose parent is the editor (or not). */
function frameIn(parent: Record<string, unknown> | 'cross-origin' | 'none'): Window {
  const self: Record<string, unknown> = {};
  if (parent === 'none') self.parent = self;
  else if (parent === 'cross-origin')
    self.parent = new Proxy({}, { get: () => { throw new DOMException('Blocked a frame with origin', 'SecurityError'); } });
  else self.parent = parent;
  return self as unknown as Window;
}

describe('the kiosk preview of a draft', () => {
  it("runs the draft the editor around it has on screen", () => {
    const load = loadDraftPreview('mini', frameIn({ [DRAFT_PREVIEW_GLOBAL]: (id: string) => (id === 'mini' ? mini : undefined) }));
    expect(load).toMatchObject({ ok: true, survey: { id: 'mini', languages: ['en', 'ar'] } });
  });

  it('shows a draft still being translated (a tablet falls back to the default language)', () => {
    const half = { ...mini, languages: ['en', 'ar', 'fr'] };
    expect(loadDraftPreview('mini', frameIn({ [DRAFT_PREVIEW_GLOBAL]: () => half }))).toMatchObject({ ok: true, survey: { languages: ['en', 'ar', 'fr'] } });
  });

  it('refuses a draft with other problems, with their paths, as the kiosk refuses any broken survey', () => {
    const broken = { ...mini, items: [{ ...mini.items[1], relevant: { q: 'nowhere', equals: 1 } }] };
    const load = loadDraftPreview('mini', frameIn({ [DRAFT_PREVIEW_GLOBAL]: () => broken }));
    expect(load).toMatchObject({ ok: false, reason: 'invalid', problems: [{ path: 'items[0].relevant', message: 'refers to question "nowhere", which does not exist' }] });
  });

  it('has nothing to show outside the editor: no parent, another origin, or another survey', () => {
    expect(loadDraftPreview('mini', frameIn('none'))).toMatchObject({ ok: false, reason: 'missing' });
    expect(loadDraftPreview('mini', frameIn('cross-origin'))).toMatchObject({ ok: false, reason: 'missing' });
    expect(loadDraftPreview('other', frameIn({ [DRAFT_PREVIEW_GLOBAL]: (id: string) => (id === 'mini' ? mini : undefined) }))).toMatchObject({ ok: false, reason: 'missing' });
  });
});
