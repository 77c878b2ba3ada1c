/**
 * The graph's chunk (Cytoscape.js and fcose). The route's loader starts it beside the incident's
 * data, so it is parsed by the time the page renders rather than after.
 */
export const loadInvestigationGraph = () => import('./components/investigation-graph');
