/**
 * A hand-written tokenizer and parser for the small part of XPath that XLSForm
 * `relevant` and `constraint` cells use (never eval'd). It only builds a tree; what the
 * tree may mean is decided by relevanceToCondition.ts and mapConstraint.ts.
 */

export type XpathNode =
  | { type: 'ref'; name: string }
  | { type: 'self' }
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'call'; name: string; args: XpathNode[] }
  | { type: 'compare'; op: CompareOp; left: XpathNode; right: XpathNode }
  | { type: 'and'; items: XpathNode[] }
  | { type: 'or'; items: XpathNode[] }
  | { type: 'arithmetic'; op: string; left: XpathNode; right: XpathNode }
  | { type: 'path'; text: string };

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type XpathParse = { ok: true; node: XpathNode } | { ok: false; message: string };

type Token =
  | { kind: 'ref'; name: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'word'; value: string; at: number }
  | { kind: 'op'; value: string; at: number }
  | { kind: 'end'; at: number };

class XpathError extends Error {}

/** Longest expression read: a relevance cell is a line or two, never a program. */
const MAX_LENGTH = 4000;
const MAX_DEPTH = 50;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const at = i;
    if (c === '$' && source[i + 1] === '{') {
      const close = source.indexOf('}', i + 2);
      if (close < 0) throw new XpathError('a "${" is never closed with "}"');
      const name = source.slice(i + 2, close).trim();
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) throw new XpathError(`"\${${name}}" is not a question name`);
      tokens.push({ kind: 'ref', name, at });
      i = close + 1;
      continue;
    }
    if (c === "'" || c === '"' || c === '‘' || c === '’' || c === '“' || c === '”') {
      // Spreadsheet programs turn straight quotes into curly ones; read both.
      const closers = c === "'" ? ["'"] : c === '"' ? ['"'] : c === '‘' || c === '’' ? ['’', '‘'] : ['”', '“'];
      let end = i + 1;
      while (end < source.length && !closers.includes(source[end]!)) end++;
      if (end >= source.length) throw new XpathError('a quoted text is never closed');
      tokens.push({ kind: 'string', value: source.slice(i + 1, end), at });
      i = end + 1;
      continue;
    }
    const number = /^(?:\d+(?:\.\d*)?|\.\d+)/.exec(source.slice(i));
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), at });
      i += number[0].length;
      continue;
    }
    const op = /^(?:!=|<=|>=|=|<|>|\(|\)|,|\+|-|\*|\||\/\/|\/|\.\.|\.)/.exec(source.slice(i));
    if (op) {
      tokens.push({ kind: 'op', value: op[0], at });
      i += op[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_:-]*/.exec(source.slice(i));
    if (word) {
      // "count-selected" is one word; "a-b" between two words is rare enough in a relevance cell.
      tokens.push({ kind: 'word', value: word[0], at });
      i += word[0].length;
      continue;
    }
    throw new XpathError(`"${c}" is not understood here`);
  }
  tokens.push({ kind: 'end', at: source.length });
  return tokens;
}

class Parser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    return this.tokens[this.index++]!;
  }

  private isOp(value: string): boolean {
    const token = this.peek();
    return token.kind === 'op' && token.value === value;
  }

  private isWord(value: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.value === value;
  }

  private expect(value: string): void {
    if (!this.isOp(value)) throw new XpathError(`expected "${value}" ${this.where()}`);
    this.next();
  }

  private where(): string {
    const token = this.peek();
    return token.kind === 'end' ? 'at the end' : `at character ${token.at + 1}`;
  }

  parseAll(): XpathNode {
    const node = this.parseOr();
    if (this.peek().kind !== 'end') throw new XpathError(`unexpected text ${this.where()}`);
    return node;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new XpathError('the expression is nested too deeply');
  }

  private parseOr(): XpathNode {
    this.enter();
    const items = [this.parseAnd()];
    while (this.isWord('or')) {
      this.next();
      items.push(this.parseAnd());
    }
    this.depth--;
    return items.length === 1 ? items[0]! : { type: 'or', items };
  }

  private parseAnd(): XpathNode {
    const items = [this.parseComparison()];
    while (this.isWord('and')) {
      this.next();
      items.push(this.parseComparison());
    }
    return items.length === 1 ? items[0]! : { type: 'and', items };
  }

  private parseComparison(): XpathNode {
    let left = this.parseSum();
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'op' || !['=', '!=', '<', '<=', '>', '>='].includes(token.value)) return left;
      this.next();
      const right = this.parseSum();
      left = { type: 'compare', op: token.value as CompareOp, left, right };
    }
  }

  private parseSum(): XpathNode {
    let left = this.parseProduct();
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'op' || (token.value !== '+' && token.value !== '-')) return left;
      this.next();
      left = { type: 'arithmetic', op: token.value, left, right: this.parseProduct() };
    }
  }

  private parseProduct(): XpathNode {
    let left = this.parseUnary();
    for (;;) {
      const token = this.peek();
      const op = token.kind === 'op' && token.value === '*' ? '*' : token.kind === 'word' && (token.value === 'div' || token.value === 'mod') ? token.value : undefined;
      if (!op) return left;
      this.next();
      left = { type: 'arithmetic', op, left, right: this.parseUnary() };
    }
  }

  private parseUnary(): XpathNode {
    if (this.isOp('-')) {
      this.next();
      const operand = this.parseUnary();
      if (operand.type === 'number') return { type: 'number', value: -operand.value };
      return { type: 'arithmetic', op: '-', left: { type: 'number', value: 0 }, right: operand };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): XpathNode {
    const token = this.next();
    switch (token.kind) {
      case 'ref':
        return { type: 'ref', name: token.name };
      case 'string':
        return { type: 'string', value: token.value };
      case 'number':
        return { type: 'number', value: token.value };
      case 'op':
        if (token.value === '(') {
          this.enter();
          const inner = this.parseOr();
          this.expect(')');
          this.depth--;
          // A bracketed "and"/"or" stays one node of its parent's list: "a and (b and c)" stays nested, as written.
          return inner;
        }
        if (token.value === '.') return { type: 'self' };
        if (token.value === '..' || token.value === '/' || token.value === '//') return { type: 'path', text: token.value };
        throw new XpathError(`"${token.value}" is not expected at character ${token.at + 1}`);
      case 'word': {
        if (this.isOp('(')) {
          this.next();
          this.enter();
          const args: XpathNode[] = [];
          if (!this.isOp(')')) {
            args.push(this.parseOr());
            while (this.isOp(',')) {
              this.next();
              args.push(this.parseOr());
            }
          }
          this.expect(')');
          this.depth--;
          return { type: 'call', name: token.value, args };
        }
        return { type: 'path', text: token.value };
      }
      case 'end':
        throw new XpathError('the expression ends too early');
    }
  }
}

/** Parses an XPath expression into a tree, or says in plain words where it is broken. */
export function parseXpath(source: string): XpathParse {
  if (source.length > MAX_LENGTH) return { ok: false, message: `the expression is longer than ${MAX_LENGTH} characters` };
  try {
    return { ok: true, node: new Parser(tokenize(source)).parseAll() };
  } catch (error) {
    if (error instanceof XpathError) return { ok: false, message: error.message };
    throw error;
  }
}

/** The expression written back as text, for messages that quote the part not understood. */
export function xpathText(node: XpathNode): string {
  switch (node.type) {
    case 'ref':
      return `\${${node.name}}`;
    case 'self':
      return '.';
    case 'string':
      return node.value.includes("'") ? `"${node.value}"` : `'${node.value}'`;
    case 'number':
      return String(node.value);
    case 'call':
      return `${node.name}(${node.args.map(xpathText).join(', ')})`;
    case 'compare':
      return `${xpathText(node.left)} ${node.op} ${xpathText(node.right)}`;
    case 'and':
    case 'or':
      return node.items.map((item) => (item.type === 'and' || item.type === 'or' ? `(${xpathText(item)})` : xpathText(item))).join(` ${node.type} `);
    case 'arithmetic':
      return `${xpathText(node.left)} ${node.op} ${xpathText(node.right)}`;
    case 'path':
      return node.text;
  }
}
