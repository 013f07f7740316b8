/**
 * The `constraint` shapes Sayso can keep: number bounds (`. >= 0 and . <= 10`, which make
 * a rating when they match a scale), a text length (`string-length(.) <= 500`) and a
 * number of choices (`count-selected(.) <= 3`). Anything else is reported, not kept.
 */
import { parseXpath, type CompareOp, type XpathNode } from './parseXpath.ts';

export interface Bounds {
  min?: number;
  max?: number;
}

/** Comparisons of one subject (".", "string-length(.)", "count-selected(.)") with numbers, joined by "and". */
function readBounds(source: string, isSubject: (node: XpathNode) => boolean, whole: boolean): Bounds | undefined {
  const parsed = parseXpath(source);
  if (!parsed.ok) return undefined;
  const parts = parsed.node.type === 'and' ? parsed.node.items : [parsed.node];
  const bounds: Bounds = {};
  for (const part of parts) {
    if (part.type !== 'compare') return undefined;
    let { op, left, right } = part;
    if (isSubject(right) && left.type === 'number') {
      [left, right] = [right, left];
      op = ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' } as Record<CompareOp, CompareOp>)[op];
    }
    if (!isSubject(left) || right.type !== 'number') return undefined;
    const n = right.value;
    // A whole-number answer: "> 0" is ">= 1".
    const step = whole ? 1 : 0;
    if (op === '>=') bounds.min = Math.max(bounds.min ?? -Infinity, n);
    else if (op === '>' && whole) bounds.min = Math.max(bounds.min ?? -Infinity, Math.floor(n) + step);
    else if (op === '<=') bounds.max = Math.min(bounds.max ?? Infinity, n);
    else if (op === '<' && whole) bounds.max = Math.min(bounds.max ?? Infinity, Math.ceil(n) - step);
    else if (op === '=') {
      bounds.min = n;
      bounds.max = n;
    } else return undefined;
  }
  return bounds;
}

const isSelf = (node: XpathNode) => node.type === 'self';
const isCallOnSelf = (name: string) => (node: XpathNode) =>
  node.type === 'call' && node.name === name && node.args.length === 1 && node.args[0]?.type === 'self';

/** Bounds of a whole number, e.g. ". >= 1 and . <= 5" → {min: 1, max: 5}. */
export function integerBounds(source: string): Bounds | undefined {
  return readBounds(source, isSelf, true);
}

/** The longest text a constraint allows, e.g. "string-length(.) <= 500" → 500. */
export function maxTextLength(source: string): number | undefined {
  const bounds = readBounds(source, isCallOnSelf('string-length'), true);
  return bounds && bounds.max !== undefined && (bounds.min ?? 0) <= 1 ? bounds.max : undefined;
}

/** The most choices a constraint allows, e.g. "count-selected(.) <= 3" → 3. */
export function maxChoicesSelected(source: string): number | undefined {
  const bounds = readBounds(source, isCallOnSelf('count-selected'), true);
  return bounds && bounds.max !== undefined && (bounds.min ?? 0) <= 1 ? bounds.max : undefined;
}

export const RATING_SCALES = ['0-10', '1-5', '1-6', '1-10'] as const;
export type RatingScale = (typeof RATING_SCALES)[number];

/** The Sayso rating scale with exactly these bounds, if there is one. */
export function scaleOfBounds(bounds: Bounds | undefined): RatingScale | undefined {
  if (!bounds || bounds.min === undefined || bounds.max === undefined) return undefined;
  const name = `${bounds.min}-${bounds.max}`;
  return (RATING_SCALES as readonly string[]).includes(name) ? (name as RatingScale) : undefined;
}

/** A range row's "start=0 end=10 step=1" → bounds, when the step is 1. */
export function rangeBounds(parameters: string): Bounds | undefined {
  const values: Record<string, number> = { start: 1, end: 10, step: 1 };
  for (const part of parameters.split(/[\s;,]+/).filter(Boolean)) {
    const match = /^(start|end|step)=(-?\d+(?:\.\d+)?)$/i.exec(part);
    if (match) values[match[1]!.toLowerCase()] = Number(match[2]);
  }
  return values.step === 1 ? { min: values.start!, max: values.end! } : undefined;
}
