/**
 * XLSForm `relevant` text → the Condition data of src/survey/schema.ts, for the subset
 * the issue names: `${q} = 'x'`, `!=`, `<` `<=` `>` `>=` with numbers, `and`/`or`/`not()`,
 * brackets, `selected(${q}, 'x')`, `count-selected(${q}) > n`, `${q} != ''` (answered).
 * Values are typed by the question they compare with: yes/no become true/false, ratings
 * and faces numbers, choices text.
 */
import type { Condition, QuestionKind } from '../schema.ts';
import { parseXpath, xpathText, type CompareOp, type XpathNode } from './parseXpath.ts';

/** What a `${name}` in a condition points at, once the importer has looked it up. */
export interface ConditionTarget {
  id: string;
  kind: QuestionKind;
  /** Choice values, for choice questions (a condition naming another value is a typo). */
  choiceValues?: readonly string[];
}

export type ResolveName = (name: string) => { ok: true; target: ConditionTarget } | { ok: false; message: string };

export type ConditionRead = { ok: true; condition: Condition; references: string[] } | { ok: false; message: string };

class Unsupported extends Error {}

const SUBSET = "Sayso reads ${q} = 'x', != , < <= > >= with numbers, and, or, not(), selected(${q}, 'x'), count-selected(${q}) > 0 and ${q} != ''";

const FLIP: Record<CompareOp, CompareOp> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

export function relevanceToCondition(source: string, resolve: ResolveName): ConditionRead {
  const parsed = parseXpath(source);
  if (!parsed.ok) return { ok: false, message: `cannot read "${source.trim()}": ${parsed.message}` };
  const references: string[] = [];
  const target = (name: string): ConditionTarget => {
    const found = resolve(name);
    if (!found.ok) throw new Unsupported(found.message);
    references.push(found.target.id);
    return found.target;
  };
  try {
    return { ok: true, condition: toCondition(parsed.node, target), references: [...new Set(references)] };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, message: error.message };
    throw error;
  }
}

function outside(node: XpathNode): never {
  throw new Unsupported(`"${xpathText(node)}" is outside the expressions Sayso understands (${SUBSET}): rewrite it or set the condition in the editor`);
}

function toCondition(node: XpathNode, target: (name: string) => ConditionTarget): Condition {
  switch (node.type) {
    case 'and':
      return { all: node.items.map((item) => toCondition(item, target)) };
    case 'or':
      return { any: node.items.map((item) => toCondition(item, target)) };
    case 'call':
      return callCondition(node, target);
    case 'compare':
      return compareCondition(node, target);
    default:
      return outside(node);
  }
}

function callCondition(node: Extract<XpathNode, { type: 'call' }>, target: (name: string) => ConditionTarget): Condition {
  const [first, second] = node.args;
  if (node.name === 'not' && node.args.length === 1) return { not: toCondition(first!, target) };
  if (node.name === 'selected' && node.args.length === 2 && first?.type === 'ref' && (second?.type === 'string' || second?.type === 'number')) {
    const question = target(first.name);
    const value = second.type === 'string' ? second.value.trim() : String(second.value);
    if (question.kind === 'yesno') return { q: question.id, equals: yesNoValue(question, value) };
    if (question.kind === 'single' || question.kind === 'multi') {
      checkChoice(question, value);
      return { q: question.id, includes: value };
    }
    // A select_one written for a Sayso scale (faces, expectation, compliance) compares as equality.
    if (question.kind === 'faces' || question.kind === 'expectation' || question.kind === 'compliance') {
      return { q: question.id, equals: typedValue(question, { type: 'string', value }) };
    }
    throw new Unsupported(`selected() needs a choice question, and "${first.name}" is not one`);
  }
  return outside(node);
}

function yesNoValue(question: ConditionTarget, value: string | number): boolean {
  if (value === 'yes') return true;
  if (value === 'no') return false;
  throw new Unsupported(`"${question.id}" is a yes/no question: compare it with 'yes' or 'no', not '${value}'`);
}

function checkChoice(question: ConditionTarget, value: string): void {
  if (question.choiceValues && !question.choiceValues.includes(value)) {
    throw new Unsupported(`"${question.id}" has no choice "${value}" (its choices: ${question.choiceValues.join(', ')})`);
  }
}

function compareCondition(node: Extract<XpathNode, { type: 'compare' }>, target: (name: string) => ConditionTarget): Condition {
  let { left, right, op } = node;
  if (right.type === 'ref' || (right.type === 'call' && right.name === 'count-selected')) {
    [left, right] = [right, left];
    op = FLIP[op];
  }
  if (right.type !== 'string' && right.type !== 'number') return outside(node);

  if (left.type === 'call' && (left.name === 'count-selected' || left.name === 'string-length') && left.args.length === 1 && left.args[0]?.type === 'ref') {
    const question = target(left.args[0].name);
    const n = right.type === 'number' ? right.value : Number(right.value);
    const answered = answeredByCount(op, n);
    if (answered === undefined) {
      throw new Unsupported(`"${xpathText(node)}": Sayso can only test whether "${question.id}" was answered (${left.name}(...) > 0 or = 0), not count answers`);
    }
    return { q: question.id, answered };
  }
  if (left.type !== 'ref') return outside(node);

  const question = target(left.name);
  if (question.kind === 'info') throw new Unsupported(`"${question.id}" is a note: it has no answer to compare`);
  if (right.type === 'string' && right.value === '' && (op === '=' || op === '!=')) return { q: question.id, answered: op === '!=' };

  if (op === '=' || op === '!=') {
    const value = typedValue(question, right);
    return op === '=' ? { q: question.id, equals: value } : { q: question.id, notEquals: value };
  }
  if (question.kind !== 'rating' && question.kind !== 'faces') {
    throw new Unsupported(`"${xpathText(node)}": only a rating or faces question can be compared with ${op}, and "${question.id}" is ${kindWords(question.kind)}`);
  }
  const n = right.type === 'number' ? right.value : Number(right.value.trim());
  if (!Number.isFinite(n) || (right.type === 'string' && right.value.trim() === '')) throw new Unsupported(`"${xpathText(node)}": ${op} needs a number`);
  switch (op) {
    case '<':
      return { q: question.id, lt: n };
    case '<=':
      return { q: question.id, lte: n };
    case '>':
      return { q: question.id, gt: n };
    default:
      return { q: question.id, gte: n };
  }
}

function answeredByCount(op: CompareOp, n: number): boolean | undefined {
  if ((op === '>' && n === 0) || (op === '>=' && n === 1) || (op === '!=' && n === 0)) return true;
  if ((op === '=' && n === 0) || (op === '<' && n === 1) || (op === '<=' && n === 0)) return false;
  return undefined;
}

function typedValue(question: ConditionTarget, literal: Extract<XpathNode, { type: 'string' | 'number' }>): string | number | boolean {
  const raw = literal.type === 'string' ? literal.value.trim() : literal.value;
  switch (question.kind) {
    case 'yesno':
      return yesNoValue(question, raw);
    case 'rating':
    case 'faces': {
      const n = typeof raw === 'number' ? raw : Number(raw);
      if (raw === '' || !Number.isFinite(n)) throw new Unsupported(`"${question.id}" has a number for an answer: compare it with a number, not '${raw}'`);
      return n;
    }
    case 'single':
    case 'multi':
    case 'expectation':
    case 'compliance': {
      const value = String(raw);
      checkChoice(question, value);
      return value;
    }
    case 'text':
      return String(raw);
    default:
      throw new Unsupported(`"${question.id}" is ${kindWords(question.kind)}: Sayso can only test whether it was answered (\${${question.id}} != '')`);
  }
}

function kindWords(kind: QuestionKind): string {
  const words: Record<QuestionKind, string> = {
    yesno: 'a yes/no question', single: 'a single-choice question', multi: 'a multiple-choice question', rating: 'a rating',
    faces: 'a faces question', expectation: 'an expectation question', compliance: 'a compliance question', text: 'a text question',
    spoken: 'a spoken answer', info: 'a note',
  };
  return words[kind];
}
