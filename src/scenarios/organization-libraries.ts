/**
 * The graph and XML libraries, loaded on first use: only a scenario with `network: file` needs
 * them, and importing them up front cost every command ~0.2 s of start-up. They are CommonJS
 * packages, so a synchronous require keeps scenario loading synchronous.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Graphology = typeof import('graphology');
type Louvain = typeof import('graphology-communities-louvain').default;
type GraphmlReader = typeof import('graphology-graphml');
type GexfReader = typeof import('graphology-gexf');
type Xmldom = typeof import('@xmldom/xmldom');

export const graphology = (): Graphology => require('graphology') as Graphology;
// At run time the package's export is the function its types call `.default`.
export const louvain = (): Louvain => require('graphology-communities-louvain') as Louvain;
export const graphml = (): GraphmlReader => require('graphology-graphml') as GraphmlReader;
export const gexf = (): GexfReader => require('graphology-gexf') as GexfReader;
export const xmldom = (): Xmldom => require('@xmldom/xmldom') as Xmldom;
