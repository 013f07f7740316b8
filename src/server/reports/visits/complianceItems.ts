import type { Group, Item, LocalizedText, Question, SurveyDefinition, EvidenceSource } from '../../../survey/schema.ts';

export interface ComplianceItem {
  id: string;
  text: LocalizedText;
  /** The compliance question of each evidence source the item asks. */
  questions: Partial<Record<EvidenceSource, string>>;
  /** The item's free-text notes question, if it has one. */
  notesId: string | null;
}

export interface ComplianceArea {
  id: string;
  title: LocalizedText;
  items: ComplianceItem[];
}

/**
 * The compliance items of a survey by area: an item is a group whose own questions include
 * compliance questions with an evidence source; its area is the outermost group around it
 * (the item itself when it stands at the top).
 */
export function complianceAreas(definition: Pick<SurveyDefinition, 'items'>): ComplianceArea[] {
  const areas = new Map<string, ComplianceArea>();
  const walk = (items: readonly Item[], area: Group | undefined) => {
    for (const item of items) {
      if (item.kind !== 'group') continue;
      const outer = area ?? item;
      const own = item.items.filter((child): child is Question => child.kind !== 'group');
      const questions: Partial<Record<EvidenceSource, string>> = {};
      for (const q of own) if (q.kind === 'compliance' && q.evidence && !questions[q.evidence]) questions[q.evidence] = q.id;
      if (Object.keys(questions).length > 0) {
        let entry = areas.get(outer.id);
        if (!entry) areas.set(outer.id, (entry = { id: outer.id, title: outer.title, items: [] }));
        entry.items.push({ id: item.id, text: item.title, questions, notesId: own.find((q) => q.kind === 'text')?.id ?? null });
      }
      walk(item.items, outer);
    }
  };
  walk(definition.items, undefined);
  return [...areas.values()];
}
