/**
 * Reads every kept row's `relevant` into a Condition, then checks the order of the
 * answers they read: a condition may use only answers given before it (Sayso asks in
 * order), and cyclic relevance (a needs b, b needs a — also through a group's condition
 * on its own questions) is reported with the whole cycle.
 */
import type { Condition } from '../schema.ts';
import type { ImportContext } from './importContext.ts';
import type { Draft, NameEntry, SurveyRows } from './readSurveyRows.ts';
import { relevanceToCondition, type ResolveName } from './relevanceToCondition.ts';

export interface ResolvedRelevance {
  /** Condition per kept draft id (only those that passed every check). */
  conditions: Map<string, Condition>;
}

export function resolveRelevance(rows: SurveyRows, ctx: ImportContext): ResolvedRelevance {
  const resolve: ResolveName = (name) => describeTarget(name, rows.names.get(name));
  const references = new Map<string, string[]>();
  const conditions = new Map<string, Condition>();
  const byId = new Map(rows.order.map((draft) => [draft.id, draft]));
  const error = (draft: Draft, message: string) =>
    ctx.add({ sheet: 'survey', row: draft.row, column: 'relevant', name: draft.name, severity: 'error', message });

  for (const draft of rows.order) {
    if (draft.relevantCondition) {
      conditions.set(draft.id, draft.relevantCondition);
      references.set(draft.id, collect(draft.relevantCondition));
      continue;
    }
    if (draft.relevantText === undefined) continue;
    const read = relevanceToCondition(draft.relevantText, resolve);
    if (!read.ok) {
      error(draft, read.message);
      continue;
    }
    conditions.set(draft.id, read.condition);
    references.set(draft.id, read.references);
  }

  // Edges: a row depends on the questions its condition reads, and on the groups around it.
  const parents = new Map<string, string>();
  const walk = (items: Draft[], parent?: Draft) => {
    for (const item of items) {
      if (parent) parents.set(item.id, parent.id);
      if (item.children) walk(item.children, item);
    }
  };
  walk(rows.items);
  const edges = (id: string): string[] => [...(references.get(id) ?? []), ...(parents.has(id) ? [parents.get(id)!] : [])].filter((to) => byId.has(to));

  const cyclic = stronglyConnected(rows.order.map((d) => d.id), edges);
  const position = new Map(rows.order.map((draft, index) => [draft.id, index]));
  for (const draft of rows.order) {
    const refs = references.get(draft.id);
    if (!refs) continue;
    const component = cyclic.get(draft.id);
    const inCycle = component ? refs.filter((ref) => component.has(ref)) : [];
    if (inCycle.length) {
      error(draft, `cyclic relevance: ${cyclePath(draft.id, component!, edges).map((id) => byId.get(id)!.name).join(' → ')}; a question cannot depend on itself, even through others: remove one of these conditions`);
      conditions.delete(draft.id);
      continue;
    }
    const later = refs.filter((ref) => (position.get(ref) ?? -1) > (position.get(draft.id) ?? 0));
    if (later.length) {
      const names = later.map((ref) => `"${byId.get(ref)!.name}" (row ${byId.get(ref)!.row})`).join(', ');
      error(draft, `the condition uses ${names}, which comes later: Sayso asks questions in order, so a condition can only use earlier answers; move the question down or the other up`);
      conditions.delete(draft.id);
    }
  }
  return { conditions };
}

function describeTarget(name: string, entry: NameEntry | undefined): ReturnType<ResolveName> {
  if (!entry) return { ok: false, message: `there is no question named "${name}": check the spelling in \${${name}}` };
  if ('skippedRow' in entry) {
    return { ok: false, message: `"${name}" (row ${entry.skippedRow}) is not imported (see that row), so no condition can use its answer: rewrite the condition in the editor` };
  }
  const draft = entry.draft;
  if (draft.kind === 'group') return { ok: false, message: `"${name}" is a group, not a question: a condition uses a question's answer` };
  return { ok: true, target: { id: draft.id, kind: draft.kind, ...(draft.choiceValues ? { choiceValues: draft.choiceValues } : {}) } };
}

function collect(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(collect);
  if ('any' in condition) return condition.any.flatMap(collect);
  if ('not' in condition) return collect(condition.not);
  return [condition.q];
}

/** Tarjan's algorithm: node → its component, for components that hold a cycle (a self-loop counts). */
function stronglyConnected(nodes: string[], edges: (id: string) => string[]): Map<string, Set<string>> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result = new Map<string, Set<string>>();
  let counter = 0;
  // Iterative, so a long chain of conditions cannot overflow the call stack.
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const out = edges(frame.node);
      if (frame.next < out.length) {
        const to = out[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component = new Set<string>();
        for (;;) {
          const member = stack.pop()!;
          onStack.delete(member);
          component.add(member);
          if (member === frame.node) break;
        }
        const selfLoop = component.size === 1 && edges(frame.node).includes(frame.node);
        if (component.size > 1 || selfLoop) for (const member of component) result.set(member, component);
      }
    }
  }
  return result;
}

/** The shortest way round from a node back to itself, inside its component: [a, b, a]. */
function cyclePath(start: string, component: Set<string>, edges: (id: string) => string[]): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const to of edges(node)) {
      if (!component.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)!) path.unshift(at);
        path.unshift(start);
        return path;
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}
