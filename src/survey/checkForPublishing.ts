import { conditionLeaves, conditionMisfit } from './conditionMisfit.ts';
import { parseSurvey, type DefinitionProblem, type ParseResult } from './parseSurvey.ts';
import type { Condition, Item } from './schema.ts';
import { listQuestions } from './walkItems.ts';

/**
 * parseSurvey and the rules a designer's survey must also meet before it is published: no
 * condition that can never be true (docs/decisions.md). Kept apart so a tablet, which only
 * runs published versions, does not download these rules with its first screen.
 */
export function checkForPublishing(input: unknown): ParseResult {
  const parsed = parseSurvey(input);
  if (!parsed.ok) return parsed;
  const byId = new Map(listQuestions(parsed.survey.items).map((placed) => [placed.question.id, placed.question]));
  const problems: DefinitionProblem[] = [];
  const check = (condition: Condition | undefined, path: string) => {
    for (const leaf of condition ? conditionLeaves(condition) : []) {
      const question = byId.get(leaf.q);
      const misfit = question && question.kind !== 'info' ? conditionMisfit(question, leaf) : undefined;
      if (misfit) problems.push({ path: `${path}.relevant`, message: `tests "${leaf.q}" in a way that can never be true: ${misfit}` });
    }
  };
  const walk = (items: readonly Item[], base: string) =>
    items.forEach((item, index) => {
      const path = `${base}[${index}]`;
      check(item.relevant, path);
      if (item.kind === 'group') walk(item.items, `${path}.items`);
    });
  walk(parsed.survey.items, 'items');
  return problems.length ? { ok: false, problems } : parsed;
}
