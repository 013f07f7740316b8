/**
 * Test helper: the questions of a pyxform reference XForm (*.expected.xml), read with
 * fast-xml-parser: name, control element, bind type, label and relevance of each.
 */
import { XMLParser } from 'fast-xml-parser';

export interface XformControl {
  name: string;
  /** input, select1, select, upload, trigger, range */
  element: string;
  bindType: string;
  mediatype?: string;
  label: string;
  /** The choice list an itemset reads, for select and select1. */
  list?: string;
  relevant?: string;
  /** Names of the enclosing groups and repeats, outermost first. */
  parents: { kind: 'group' | 'repeat'; name: string }[];
}

type Node = Record<string, unknown>;
const CONTROLS = ['input', 'select1', 'select', 'upload', 'trigger', 'range', 'odk:rank'];

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true, trimValues: false });

function textOf(nodes: Node[]): string {
  return nodes
    .map((node) => {
      if ('#text' in node) return String(node['#text']);
      if ('output' in node) return `\${${String((node[':@'] as Node)['@value']).trim().split('/').pop()}}`;
      return '';
    })
    .join('')
    .trim();
}

const lastName = (path: string) => path.trim().split('/').pop()!;

export function readExpectedXform(xml: string): XformControl[] {
  const tree = parser.parse(xml) as Node[];
  const find = (nodes: Node[], name: string): Node[] => (nodes.find((n) => name in n)?.[name] as Node[] | undefined) ?? [];
  const html = find(tree, 'h:html');
  const model = find(find(html, 'h:head'), 'model');
  const binds = new Map<string, Node>();
  for (const node of model) if ('bind' in node) binds.set(lastName(String((node[':@'] as Node)['@nodeset'])), node[':@'] as Node);

  const controls: XformControl[] = [];
  const walk = (nodes: Node[], parents: XformControl['parents']) => {
    for (const node of nodes) {
      const element = Object.keys(node).find((key) => key !== ':@');
      if (!element) continue;
      const attributes = (node[':@'] ?? {}) as Node;
      const children = node[element] as Node[];
      if (element === 'group' || element === 'repeat') {
        const ref = String(attributes['@ref'] ?? attributes['@nodeset'] ?? '');
        const name = lastName(ref);
        const inner = element === 'group' && parents.at(-1)?.name === name ? parents : [...parents, { kind: element, name }];
        walk(children, inner as XformControl['parents']);
        continue;
      }
      if (!CONTROLS.includes(element)) continue;
      const name = lastName(String(attributes['@ref']));
      const bind = binds.get(name) ?? {};
      const itemset = children.find((child) => 'itemset' in child);
      const list = itemset ? /instance\('([^']+)'\)/.exec(String((itemset[':@'] as Node)['@nodeset']))?.[1] : undefined;
      controls.push({
        name,
        element,
        bindType: String(bind['@type'] ?? ''),
        ...(attributes['@mediatype'] ? { mediatype: String(attributes['@mediatype']) } : {}),
        label: textOf(find(children, 'label')),
        ...(list ? { list } : {}),
        ...(bind['@relevant'] ? { relevant: String(bind['@relevant']) } : {}),
        parents,
      });
    }
  };
  walk(find(html, 'h:body'), []);
  return controls;
}
