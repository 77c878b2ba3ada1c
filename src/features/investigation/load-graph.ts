import type * as GraphModule from './components/investigation-graph';

/**
 * The graph's chunk (Cytoscape.js and fcose). The route's loader starts it beside the incident's
 * data, so it is parsed by the time the page renders rather than after.
 */
let loaded: typeof GraphModule | undefined;

export const loadInvestigationGraph = () =>
  import('./components/investigation-graph').then((module) => (loaded = module));

/** The chunk, if it is already in. */
export const loadedInvestigationGraph = () => loaded;
