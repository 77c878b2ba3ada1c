/**
 * The investigation graph's canvas (its own chunk: Cytoscape.js and its fcose layout load when
 * the graph is first shown). Alerts and entities are nodes with their kind's icon; alerts carry
 * their severity's colour, related alerts are greyed with a dotted severity ring; dotted edges join
 * related alerts. Hovering, clicking or moving to a node with the arrow keys makes it active: it
 * is outlined and its menu (what `renderActions` gives) pops out beside it, next in tab order.
 */
import {
  Button,
  mergeClasses,
  tokens,
  Tooltip,
  useThemeClassName,
} from '@fluentui/react-components';
import {
  ArrowResetRegular,
  ArrowMaximizeRegular,
  ShieldRegular,
  ZoomInRegular,
  ZoomOutRegular,
} from '@fluentui/react-icons';
import cytoscape, {
  type Core,
  type ElementDefinition,
  type NodeSingular,
  type StylesheetJson,
} from 'cytoscape';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ENTITY_ICONS } from '@/components/entity-labels';
import { useLatest } from '@/components/use-latest';
import { ENTITY_KINDS } from '@/domain/entities';
import type { InvestigationGraph } from '../investigation-model';
import { countsText } from '../investigation-text';
import { useInvestigationGraphStyles } from './investigation-graph.styles';
import type { LayoutRequest, Positions } from './compute-layout';
import { drawOnDemand } from './draw-on-demand';
import {
  alertLabel,
  entityLabel,
  graphLayoutRequest,
  LABEL_FONT_FAMILY,
  LABEL_FONT_SIZE,
} from './layout-request';
import { boundsOf, placeNodes } from './place-nodes';
import { keepLayout, keptLayout, layoutOf, runLayout } from './run-layout';

export type InvestigationGraphViewProps = {
  graph: InvestigationGraph;
  /** Every alert of the incident is in `graph`: the first layout waits for it. */
  complete: boolean;
  /** The node whose menu is shown. */
  activeId: string | null;
  onActiveChange: (nodeId: string | null) => void;
  /** Selecting (clicking) an entity opens its side pane. */
  onOpenEntity: (nodeId: string) => void;
  /** The active node's menu: its name and its actions. */
  renderActions: (nodeId: string) => ReactNode;
  /** The active node as a sentence, for screen readers. */
  describe: (nodeId: string) => string;
};

/** The least zoom at which labels are drawn legibly (11 px × 0.7 ≈ 8 px). */
const READABLE_ZOOM = 0.7;

const positionsOf = (cy: Core): Positions =>
  Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }]));

/** Room around the graph when it is fitted, in pixels. */
const FIT_PADDING = 24;

/**
 * The default view: the whole graph if its labels stay legible; otherwise its middle at the
 * least legible zoom (Fit shows it all, labels hidden). The graph's bounds come from the boxes
 * the layout was asked with (`request`, the graph as drawn now), not from the canvas: measuring
 * every node and label there takes tens of milliseconds at 300 nodes.
 */
function fitReadable(cy: Core, request: LayoutRequest) {
  const bounds = boundsOf(request, positionsOf(cy));
  if (!bounds) return;
  const w = cy.width();
  const h = cy.height();
  const fitted = Math.min(
    (w - 2 * FIT_PADDING) / Math.max(1, bounds.x2 - bounds.x1),
    (h - 2 * FIT_PADDING) / Math.max(1, bounds.y2 - bounds.y1),
  );
  const zoom = Math.max(READABLE_ZOOM, Math.min(fitted, cy.maxZoom()));
  cy.viewport({
    zoom,
    pan: {
      x: w / 2 - ((bounds.x1 + bounds.x2) / 2) * zoom,
      y: h / 2 - ((bounds.y1 + bounds.y2) / 2) * zoom,
    },
  });
}

/**
 * The canvas's first frame draws only the nodes and edges in view, as later frames do, instead
 * of first drawing every element of the graph into an off-screen layer (Cytoscape.js's layered
 * texture cache does that on its first use: at 150 alerts a large canvas and ~100 ms of the
 * page's thread, before anything is on screen). The layers are then built in idle frames, as
 * after any change. This flag is Cytoscape.js's own (3.35, canvas renderer), not an option:
 * where it is absent nothing changes.
 */
function drawVisibleFirst(cy: Core) {
  const renderer = (
    cy as unknown as { renderer?: () => { data?: { lyrTxrCache?: { firstGet?: boolean } } } }
  ).renderer?.();
  const layers = renderer?.data?.lyrTxrCache;
  if (layers && layers.firstGet === true) layers.firstGet = false;
}

/** Puts the nodes where a layout says (labels already apart). */
function applyLayout(cy: Core, positions: Positions) {
  cy.nodes().positions((n) => positions[n.id()] ?? n.position());
}

/** Puts `ids` on free spots beside their neighbours; the rest of the graph stays put. */
function placeOnCanvas(cy: Core, request: LayoutRequest, ids: readonly string[]) {
  if (ids.length === 0) return;
  const placed = placeNodes(request, positionsOf(cy), ids);
  cy.batch(() => {
    for (const id of ids) {
      const at = placed[id];
      if (at) cy.getElementById(id).position(at);
    }
  });
}

const cssVar = (token: string) => token.replace(/^var\((--[^,)]+).*$/, '$1');

/** The theme's colours the canvas draws with (a canvas cannot read CSS variables itself). */
function readColours(el: HTMLElement) {
  const style = getComputedStyle(el);
  const read = (token: string) => style.getPropertyValue(cssVar(token)).trim() || '#888';
  return {
    text: read(tokens.colorNeutralForeground1),
    muted: read(tokens.colorNeutralForeground3),
    background: read(tokens.colorNeutralBackground1),
    entity: read(tokens.colorNeutralBackground3),
    entityBorder: read(tokens.colorNeutralStroke1),
    edge: read(tokens.colorNeutralStroke1),
    focus: read(tokens.colorStrokeFocus2),
    brand: read(tokens.colorBrandForeground1),
    high: read(tokens.colorPaletteRedBorderActive),
    medium: read(tokens.colorPaletteDarkOrangeBorderActive),
    low: read(tokens.colorPaletteYellowBorderActive),
    informational: read(tokens.colorNeutralStrokeAccessible),
    related: read(tokens.colorNeutralBackground4),
  };
}
type Colours = ReturnType<typeof readColours>;

const ICON_KINDS = ['alert', ...ENTITY_KINDS] as const;
type IconKind = (typeof ICON_KINDS)[number];

/** An icon's SVG (as the hidden Fluent icons rendered it) in a colour, as a data URI. */
function iconUri(svg: string, colour: string) {
  const sized = svg
    .replace(/width="[^"]*"/, 'width="20"')
    .replace(/height="[^"]*"/, 'height="20"')
    .replace(/class="[^"]*"/, '')
    .replaceAll('currentColor', colour);
  return `data:image/svg+xml;utf8,${encodeURIComponent(sized)}`;
}

function stylesheet(c: Colours, icons: Record<IconKind, string>): StylesheetJson {
  const severity = (name: string, colour: string) => ({
    selector: `node.alert.${name}`,
    style: { 'background-color': colour, 'border-color': colour },
  });
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        color: c.text,
        'font-size': LABEL_FONT_SIZE,
        'font-family': LABEL_FONT_FAMILY,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'none',
        'text-background-color': c.background,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
        width: 34,
        height: 34,
        'border-width': 2,
        'background-fit': 'none',
        'background-width': 20,
        'background-height': 20,
      },
    },
    {
      selector: 'node.entity',
      style: {
        shape: 'ellipse',
        'background-color': c.entity,
        'border-color': c.entityBorder,
        'background-image': 'data(icon)',
      },
    },
    {
      selector: 'node.alert',
      style: { shape: 'round-rectangle', 'background-image': icons.alert },
    },
    severity('high', c.high),
    severity('medium', c.medium),
    severity('low', c.low),
    severity('informational', c.informational),
    {
      selector: 'node.alert.related',
      style: {
        'background-color': c.related,
        'border-style': 'dotted',
        'border-width': 3,
        color: c.muted,
      },
    },
    {
      selector: 'edge',
      style: { width: 1.5, 'line-color': c.edge, 'curve-style': 'straight' },
    },
    { selector: 'edge.dotted', style: { 'line-style': 'dotted', width: 2 } },
    {
      selector: 'node.active',
      style: {
        'overlay-color': c.focus,
        'overlay-opacity': 0.18,
        'overlay-padding': 6,
        'overlay-shape': 'round-rectangle',
        'z-index': 10,
      },
    },
  ] as StylesheetJson;
}

const ICON_COMPONENTS = { alert: ShieldRegular, ...ENTITY_ICONS };

function toElements(graph: InvestigationGraph, iconFor: (kind: IconKind) => string) {
  const nodes: ElementDefinition[] = [
    ...graph.alerts.map((a) => ({
      group: 'nodes' as const,
      data: { id: a.id, label: alertLabel(a) },
      classes: ['alert', a.placement, a.alert.severity ?? 'unknown'].join(' '),
    })),
    ...graph.entities.map((e) => ({
      group: 'nodes' as const,
      data: { id: e.id, label: entityLabel(e), icon: iconFor(e.entity.kind) },
      classes: `entity ${e.entity.kind}`,
    })),
  ];
  const edges: ElementDefinition[] = graph.edges.map((e) => ({
    group: 'edges' as const,
    data: { id: e.id, source: e.source, target: e.target },
    classes: e.dotted ? 'dotted' : 'solid',
  }));
  return [...nodes, ...edges];
}

/** The keyboard order: the graph's order (the incident's alerts, entities, related alerts). */
const nodeOrder = (graph: InvestigationGraph) => [
  ...graph.alerts.filter((a) => a.placement !== 'related').map((a) => a.id),
  ...graph.entities.map((e) => e.id),
  ...graph.alerts.filter((a) => a.placement === 'related').map((a) => a.id),
];

export function InvestigationGraphView({
  graph,
  complete,
  activeId,
  onActiveChange,
  onOpenEntity,
  renderActions,
  describe,
}: InvestigationGraphViewProps) {
  const styles = useInvestigationGraphStyles();
  const themeClass = useThemeClassName();
  const containerRef = useRef<HTMLDivElement>(null);
  const iconsRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const [drawn, setDrawn] = useState(false);
  // The first layout runs once, even if the graph changes while it runs.
  const laidOut = useRef(false);
  // Nodes that joined while the first layout ran, placed once it is in.
  const joinedMeanwhile = useRef<string[] | null>(null);
  const graphRef = useLatest(graph);
  const [menuAt, setMenuAt] = useState<{ id: string; x: number; y: number } | null>(null);
  const callbacksRef = useLatest({ onActiveChange, onOpenEntity });

  // The theme's colours and icons, read again when the theme changes.
  const iconsFor = (c: Colours) => {
    const svgs = new Map<string, string>();
    for (const el of iconsRef.current?.querySelectorAll('[data-icon]') ?? []) {
      svgs.set(el.getAttribute('data-icon') ?? '', el.innerHTML);
    }
    const byKind = {} as Record<IconKind, string>;
    for (const kind of ICON_KINDS) {
      byKind[kind] = iconUri(svgs.get(kind) ?? '', kind === 'alert' ? '#ffffff' : c.text);
    }
    return byKind;
  };

  // Created once; the graph's changes are applied below.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // Frames only while there is something to draw (draw-on-demand.ts).
    drawOnDemand();
    const cy = cytoscape({
      container,
      elements: [],
      minZoom: 0.1,
      maxZoom: 3,
      wheelSensitivity: 0.4,
      boxSelectionEnabled: false,
      autoungrabify: false,
    });
    cyRef.current = cy;
    drawVisibleFirst(cy);
    cy.on('mouseover', 'node', (e) =>
      callbacksRef.current.onActiveChange((e.target as NodeSingular).id()),
    );
    cy.on('tap', 'node', (e) => {
      const id = (e.target as NodeSingular).id();
      callbacksRef.current.onActiveChange(id);
      if (id.startsWith('entity:')) callbacksRef.current.onOpenEntity(id);
    });
    cy.on('tap', (e) => {
      if (e.target === cy) callbacksRef.current.onActiveChange(null);
    });
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, [callbacksRef]);

  // Colours follow the theme.
  useEffect(() => {
    const cy = cyRef.current;
    const container = containerRef.current;
    if (!cy || !container) return;
    const colours = readColours(container);
    const icons = iconsFor(colours);
    cy.style(stylesheet(colours, icons));
    cy.nodes('.entity').forEach((n) => {
      const kind = n.classes().find((k) => k !== 'entity') as IconKind | undefined;
      if (kind) n.data('icon', icons[kind]);
    });
  }, [themeClass]);

  // The graph's changes: new nodes are laid out around the ones already placed.
  useEffect(() => {
    const cy = cyRef.current;
    const container = containerRef.current;
    if (!cy || !container || !complete) return;
    const icons = iconsFor(readColours(container));
    const wanted = toElements(graph, (kind) => icons[kind]);
    const wantedIds = new Set(wanted.map((e) => e.data.id));
    const removed = cy.elements().filter((e) => !wantedIds.has(e.id()));
    const first = !laidOut.current;
    laidOut.current = true;
    // Often done already: the incident page lays the graph out once it is idle, and the Actions
    // menu and the route's loader start it if it has not.
    const request = first ? graphLayoutRequest(graph) : undefined;
    const kept = request && keptLayout(request);
    const added: string[] = [];
    const fresh: ElementDefinition[] = [];
    cy.batch(() => {
      removed.remove();
      for (const el of wanted) {
        const existing = cy.getElementById(el.data.id ?? '');
        if (existing.nonempty()) {
          // Only what changed: restyling every node on each change costs a frame at 300 nodes.
          if (existing.classes().join(' ') !== el.classes) {
            existing.classes(el.classes as string);
          }
          if (existing.data('label') !== el.data.label) existing.data(el.data);
        } else {
          // A kept layout's nodes are added where it puts them: no second pass to move them.
          const at = kept?.[el.data.id ?? ''];
          fresh.push(at ? { ...el, position: { ...at } } : el);
          if (el.group === 'nodes') added.push(el.data.id ?? '');
        }
      }
      // All at once: one collection and one event, not one per element.
      if (fresh.length > 0) cy.add(fresh);
    });
    if (request) {
      const draw = () => {
        // The nodes that joined meanwhile are in the graph as it is now, not in `request`.
        const now = graphLayoutRequest(graphRef.current);
        placeOnCanvas(cy, now, joinedMeanwhile.current ?? []);
        joinedMeanwhile.current = null;
        fitReadable(cy, now);
        // Drawn once the canvas has painted the placed graph, not when it is told to.
        cy.one('render', () => setDrawn(true));
      };
      if (kept) {
        // Laid out already (drawn before on this page, or finished before the canvas asked):
        // drawn in the canvas's next frame.
        draw();
        return;
      }
      joinedMeanwhile.current = [];
      void layoutOf(request).then((positions) => {
        if (cy.destroyed()) return;
        applyLayout(cy, positions);
        draw();
      });
    } else if (joinedMeanwhile.current) {
      joinedMeanwhile.current.push(...added);
    } else if (added.length > 0) {
      // Joining nodes go to free room beside their neighbours; the rest of the graph stays put.
      placeOnCanvas(cy, graphLayoutRequest(graph), added);
    }
  }, [graph, complete, graphRef]);

  // The active node: outlined, its menu beside it, following pan and zoom.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes('.active').removeClass('active');
    if (activeId === null) return;
    const node = cy.getElementById(activeId);
    if (node.empty()) return;
    node.addClass('active');
    const place = () => {
      const p = node.renderedPosition();
      const half = node.renderedOuterWidth() / 2;
      setMenuAt({ id: activeId, x: p.x + half + 8, y: p.y - 16 });
    };
    const frame = requestAnimationFrame(place);
    cy.on('viewport position', place);
    return () => {
      cancelAnimationFrame(frame);
      cy.off('viewport position', place);
    };
  }, [activeId, graph, drawn]);

  const order = nodeOrder(graph);
  const move = (step: number | 'first' | 'last') => {
    if (order.length === 0) return;
    const at = activeId === null ? -1 : order.indexOf(activeId);
    const next =
      step === 'first'
        ? 0
        : step === 'last'
          ? order.length - 1
          : at === -1
            ? step > 0
              ? 0
              : order.length - 1
            : (at + step + order.length) % order.length;
    const id = order[next] ?? null;
    onActiveChange(id);
    const cy = cyRef.current;
    if (id && cy) {
      // Keep the node in view.
      const node = cy.getElementById(id);
      const p = node.renderedPosition();
      const { width, height } = containerRef.current?.getBoundingClientRect() ?? {
        width: 0,
        height: 0,
      };
      if (p.x < 40 || p.y < 40 || p.x > width - 40 || p.y > height - 40) {
        cy.center(node);
      }
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowRight: () => move(1),
      ArrowUp: () => move(-1),
      ArrowLeft: () => move(-1),
      Home: () => move('first'),
      End: () => move('last'),
      Enter: () => {
        if (activeId?.startsWith('entity:')) onOpenEntity(activeId);
      },
      Escape: () => onActiveChange(null),
      '+': () => zoom(1.25),
      '=': () => zoom(1.25),
      '-': () => zoom(0.8),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const zoom = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    const { width, height } = containerRef.current?.getBoundingClientRect() ?? {
      width: 0,
      height: 0,
    };
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: width / 2, y: height / 2 } });
  };
  const fit = () => cyRef.current?.fit(undefined, 24);
  const reset = () => {
    const cy = cyRef.current;
    if (!cy || joinedMeanwhile.current) return;
    const request = graphLayoutRequest(graph);
    void runLayout(request).then((positions) => {
      keepLayout(request, positions);
      if (cy.destroyed()) return;
      applyLayout(cy, positions);
      fitReadable(cy, request);
    });
  };

  const counts = countsText(graph.alerts.length, graph.entities.length);
  return (
    <div className={styles.root}>
      <div aria-label="Graph controls" className={styles.controls} role="toolbar">
        <Tooltip content="Zoom in" relationship="label">
          <Button icon={<ZoomInRegular />} onClick={() => zoom(1.25)} />
        </Tooltip>
        <Tooltip content="Zoom out" relationship="label">
          <Button icon={<ZoomOutRegular />} onClick={() => zoom(0.8)} />
        </Tooltip>
        <Button icon={<ArrowMaximizeRegular />} onClick={fit}>
          Fit
        </Button>
        <Button icon={<ArrowResetRegular />} onClick={reset}>
          Reset layout
        </Button>
      </div>
      <p className={styles.help} id="investigation-graph-help">
        Arrow keys move between nodes; Tab reaches the node&apos;s menu; Enter opens an
        entity&apos;s details; + and − zoom.
      </p>
      <div className={styles.frame}>
        {/* The canvas is one focusable widget; the arrow keys walk its nodes. */}
        {/* eslint-disable-next-line jsx-a11y-x/no-noninteractive-element-interactions -- role="application": a canvas widget with its own keys */}
        <div
          aria-describedby="investigation-graph-help"
          aria-label={`Investigation graph: ${counts}`}
          aria-roledescription="graph"
          className={mergeClasses(styles.canvas, !drawn && styles.laying)}
          data-drawn={drawn ? 'true' : 'false'}
          data-nodes={graph.alerts.length + graph.entities.length}
          data-edges={graph.edges.length}
          data-dotted-edges={graph.edges.filter((e) => e.dotted).length}
          ref={containerRef}
          role="application"
          // eslint-disable-next-line jsx-a11y-x/no-noninteractive-tabindex -- the same widget
          tabIndex={0}
          onKeyDown={onKeyDown}
        />
        {activeId !== null && menuAt?.id === activeId && (
          <div
            aria-labelledby="investigation-node-menu-title"
            className={styles.menu}
            // Which node it is the menu of (ids are unique; titles may repeat).
            data-node={activeId}
            role="group"
            style={{ left: menuAt.x, top: menuAt.y }}
          >
            <p className={styles.menuTitle} id="investigation-node-menu-title">
              {describe(activeId)}
            </p>
            {renderActions(activeId)}
          </div>
        )}
      </div>
      <div aria-hidden className={styles.hidden} ref={iconsRef}>
        {ICON_KINDS.map((kind) => {
          const Icon = ICON_COMPONENTS[kind];
          return (
            <span data-icon={kind} key={kind}>
              <Icon />
            </span>
          );
        })}
      </div>
    </div>
  );
}
