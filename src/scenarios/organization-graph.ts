/**
 * A GraphML or GEXF file → RawOrganization, through graphology's readers (they map each file's
 * attribute declarations to names and types). The XML is parsed here first with xmldom's
 * locator, so malformed XML, an edge to an unknown node and a bad attribute value are reported
 * at their line and column.
 */
import { InputError } from './errors.js';
import { gexf, graphml, graphology, xmldom } from './organization-libraries.js';
import {
  emptyPeople,
  parseDisposition,
  parseLeader,
  parseShare,
  parseWeight,
  PERSON_ATTRIBUTES,
  TieList,
  type PersonAttribute,
  type RawOrganization,
} from './organization-raw.js';

interface Located {
  readonly lineNumber?: number;
  readonly columnNumber?: number;
  getAttribute(name: string): string | null;
}

function xmlDocument(text: string, label: string): Document {
  const fail = (message: string) => {
    const at = /line:(\d+),col:(\d+)/.exec(message);
    const reason = message.replace(/\s*@#\[line:\d+,col:\d+\]\s*$/, '').replace(/^\[xmldom [a-z]+\]\s*/i, '').split('\n')[0];
    throw new InputError(`${label}:${at ? `${at[1]}:${at[2]}` : '1:1'}: malformed XML: ${reason}`);
  };
  const parser = new (xmldom().DOMParser)({ locator: {}, errorHandler: { warning: () => undefined, error: fail, fatalError: fail } });
  return parser.parseFromString(text, 'application/xml') as unknown as Document;
}

function at(label: string, element: Located | undefined): string {
  return `${label}:${element?.lineNumber ?? 1}:${element?.columnNumber ?? 1}`;
}

const ROOTS = { graphml: 'graphml', gexf: 'gexf' } as const;

/** Attributes that put an element on a GEXF time line (dynamic graphs, spells). */
const TIME_ATTRIBUTES = ['start', 'end', 'startopen', 'endopen'];

/**
 * The content decides: a file whose root element is not the format its name says (a GraphML file
 * named .gexf) is refused rather than read with the wrong reader, which drops attributes without a
 * word. A dynamic GEXF (time slices, spells) is refused too: one organization is one static graph,
 * and merging its slices would keep, for example, only the last unit of a person who moved.
 */
function checkFormat(document: Document, label: string, format: 'graphml' | 'gexf'): void {
  const root = document.documentElement as unknown as (Located & { localName?: string; nodeName?: string }) | null;
  const name = String(root?.localName ?? root?.nodeName ?? '').toLowerCase();
  const other = format === 'gexf' ? 'graphml' : 'gexf';
  if (name !== ROOTS[format]) {
    const hint = name === ROOTS[other] ? `: it is ${other === 'gexf' ? 'GEXF' : 'GraphML'}; rename it to .${other}` : '';
    throw new InputError(`${at(label, root ?? undefined)}: expected a <${ROOTS[format]}> document (the file is named .${format === 'gexf' ? 'gexf' : 'graphml'}), got <${name || 'nothing'}>${hint}`);
  }
  if (format !== 'gexf') return;
  const graphElement = document.getElementsByTagName('graph')[0] as unknown as Located | undefined;
  const spell = (document.getElementsByTagName('spells')[0] ?? document.getElementsByTagName('spell')[0]) as unknown as Located | undefined;
  const timed = spell ?? (['node', 'edge', 'attvalue'] as const)
    .flatMap((tag) => Array.from(document.getElementsByTagName(tag)) as unknown as Located[])
    .find((element) => TIME_ATTRIBUTES.some((attribute) => element.getAttribute(attribute) !== null && element.getAttribute(attribute) !== ''));
  const mode = graphElement?.getAttribute('mode');
  if (mode === 'dynamic' || timed) {
    throw new InputError(
      `${at(label, timed ?? graphElement)}: expected a static GEXF graph (one organization at one time), got a dynamic one (${mode === 'dynamic' ? 'mode="dynamic"' : 'time slices'}): export the one time slice to simulate as a static graph`,
    );
  }
}

export interface GraphOptions {
  readonly relations: readonly string[] | null;
}

export function readGraph(text: string, label: string, format: 'graphml' | 'gexf', options: GraphOptions): RawOrganization {
  if (text.trim() === '') throw new InputError(`${label}:1:1: empty file: expected a ${format === 'gexf' ? 'GEXF' : 'GraphML'} document`);
  const document = xmlDocument(text, label);
  checkFormat(document, label, format);
  const nodeElements = Array.from(document.getElementsByTagName('node')) as unknown as Located[];
  if (nodeElements.length === 0) throw new InputError(`${label}:1:1: no nodes: expected <node> elements, one per person, got none`);
  const elementOf = new Map<string, Located>();
  for (const element of nodeElements) {
    const id = element.getAttribute('id');
    if (!id) throw new InputError(`${at(label, element)}: id: expected every <node> to have an id, got none`);
    if (elementOf.has(id)) throw new InputError(`${at(label, element)}: id: duplicate id ${JSON.stringify(id)} (first at line ${elementOf.get(id)?.lineNumber})`);
    elementOf.set(id, element);
  }
  const edgeElements = Array.from(document.getElementsByTagName('edge')) as unknown as Located[];
  for (const element of edgeElements) {
    for (const end of ['source', 'target'] as const) {
      const id = element.getAttribute(end);
      if (id === null || !elementOf.has(id)) throw new InputError(`${at(label, element)}: ${end}: expected the id of a <node>, got ${JSON.stringify(id ?? '')}`);
    }
  }

  let graph;
  try {
    const { MultiGraph } = graphology();
    graph = format === 'gexf' ? gexf().parse(MultiGraph, document) : graphml().parse(MultiGraph, document);
  } catch (error) {
    throw new InputError(`${label}: cannot read the ${format === 'gexf' ? 'GEXF' : 'GraphML'} graph: ${(error as Error).message.split('\n')[0]}`);
  }

  const ids = graph.nodes();
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => indexOf.set(id, i));
  const values = emptyPeople(ids.length);
  const columns = new Set<PersonAttribute>();
  ids.forEach((id, i) => {
    const where = () => at(label, elementOf.get(id));
    for (const [key, value] of Object.entries(graph.getNodeAttributes(id))) {
      const name = key.trim().toLowerCase() as PersonAttribute;
      if (!PERSON_ATTRIBUTES.includes(name) || value === undefined || value === null) continue;
      columns.add(name);
      const cell = String(value);
      if (name === 'unit') values.unit[i] = cell.trim();
      else if (name === 'team') values.team[i] = cell.trim();
      else if (name === 'leader') values.leader[i] = parseLeader(cell, where);
      else if (name === 'disposition') values.disposition[i] = parseDisposition(cell, where);
      else values[name][i] = parseShare(name, cell, where);
    }
  });
  if (columns.has('unit')) {
    ids.forEach((id, i) => {
      if (values.unit[i] === '') throw new InputError(`${at(label, elementOf.get(id))}: unit: expected a unit name on every node once some have one, got none`);
    });
  }

  const keep = options.relations ? new Set(options.relations) : null;
  const seen = new Set<string>();
  const list = new TieList();
  let otherRelations = 0;
  let k = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    const element = edgeElements[k++];
    const relation = attributes.relation === undefined ? undefined : String(attributes.relation);
    if (relation !== undefined) seen.add(relation);
    if (keep && (relation === undefined || !keep.has(relation))) {
      otherRelations++;
      return;
    }
    const weight = attributes.weight === undefined ? 1 : parseWeight(String(attributes.weight), () => at(label, element));
    list.add(indexOf.get(source)!, indexOf.get(target)!, weight);
  });
  if (keep) {
    const missing = [...keep].filter((relation) => !seen.has(relation));
    if (missing.length > 0) {
      throw new InputError(`${label}: organization.relations: relation ${JSON.stringify(missing[0])} is not a relation of any edge (found: ${[...seen].sort().join(', ') || 'none'})`);
    }
  }
  return {
    peopleLabel: label,
    tiesLabel: label,
    ids,
    columns,
    ...values,
    tieFrom: list.from,
    tieTo: list.to,
    tieWeight: list.weight,
    tieCount: list.count,
    tieRows: edgeElements.length,
    otherRelations,
  };
}
