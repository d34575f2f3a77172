/**
 * The graph and XML libraries, handed in by the caller rather than imported here: only a scenario
 * with `network: file` needs them, importing them up front cost every command ~0.2 s of start-up,
 * and Node loads these CommonJS packages with a synchronous require (organization-files.ts) while
 * the explorer's bundle carries them (src/explore). This module stays free of `node:` imports.
 */
type Graphology = typeof import('graphology');
type Louvain = typeof import('graphology-communities-louvain').default;
type GraphmlReader = typeof import('graphology-graphml');
type GexfReader = typeof import('graphology-gexf');
type Xmldom = typeof import('@xmldom/xmldom');

/** How each library is got, on first use. */
export interface OrganizationLibraries {
  readonly graphology: () => Graphology;
  readonly louvain: () => Louvain;
  readonly graphml: () => GraphmlReader;
  readonly gexf: () => GexfReader;
  readonly xmldom: () => Xmldom;
}

const missing = (name: string) => (): never => {
  throw new Error(`${name} was not handed in (setOrganizationLibraries): the caller that reads organization files provides it`);
};

let libraries: OrganizationLibraries = {
  graphology: missing('graphology'),
  louvain: missing('graphology-communities-louvain'),
  graphml: missing('graphology-graphml'),
  gexf: missing('graphology-gexf'),
  xmldom: missing('@xmldom/xmldom'),
};

/** Hand in the libraries (Node: organization-files.ts; the explorer: its worker and page). */
export function setOrganizationLibraries(provided: Partial<OrganizationLibraries>): void {
  libraries = { ...libraries, ...provided };
}

export const graphology = (): Graphology => libraries.graphology();
export const louvain = (): Louvain => libraries.louvain();
export const graphml = (): GraphmlReader => libraries.graphml();
export const gexf = (): GexfReader => libraries.gexf();
export const xmldom = (): Xmldom => libraries.xmldom();
