// <cluster-map>: the live map of the lesson's cluster. Draws the lab's objects when it nears the
// viewport, redraws on each change, and lights the route a request took for a few seconds.
import { whenNear } from '../site/when-near.ts';

type RouteHop = import('./map-layout.ts').RouteHop;

const litForMs = 6000;

export class ClusterMap extends HTMLElement {
  connectedCallback() {
    whenNear(this, '300px', () => void this.#start());
  }

  async #start() {
    const [
      { getLab },
      { buildMapModel },
      { layoutMap, routeIds },
      { renderMapSvg },
      { describeMap, describeRoute },
    ] = await Promise.all([
      import('../lab/lab-client.ts'),
      import('./map-model.ts'),
      import('./map-layout.ts'),
      import('./map-svg.ts'),
      import('./map-description.ts'),
    ]);
    const lab = await getLab();
    const drawing = this.querySelector<HTMLElement>('.drawing')!;
    const list = this.querySelector('.description ul')!;
    const routeText = this.querySelector('.route')!;
    let lit = new Set<string>();
    let litTimer: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;

    // The last objects the lab sent: the map draws from them while it asks for newer ones.
    let objects = await lab.mapObjects();
    let asking = false;
    let stale = false;
    const draw = () => {
      frame = 0;
      const model = buildMapModel({
        nodes: objects.nodes as never,
        pods: objects.pods as never,
        services: objects.services as never,
        endpoints: objects.endpoints as never,
      });
      const scene = layoutMap(model, { width: drawing.clientWidth || 640 });
      const label = `Cluster map: ${model.nodes.length} nodes, ${model.pods.length} pods, ${model.services.length} services. The map in words follows.`;
      drawing.innerHTML = renderMapSvg(scene, label);
      for (const element of drawing.querySelectorAll<SVGElement>('[data-id]')) {
        if (lit.has(element.dataset.id!)) element.dataset.lit = '';
      }
      list.replaceChildren(
        ...describeMap(model).map((line) => {
          const item = document.createElement('li');
          item.textContent = line;
          return item;
        }),
      );
      this.dataset.ready = '';
      return scene;
    };
    const redraw = () => {
      frame ||= requestAnimationFrame(draw);
    };
    const refresh = async () => {
      stale = true;
      if (asking) return;
      asking = true;
      while (stale) {
        stale = false;
        objects = await lab.mapObjects();
      }
      asking = false;
      redraw();
    };
    const light = (hops: RouteHop[], ok: boolean) => {
      const scene = draw();
      lit = routeIds(scene, hops);
      for (const element of drawing.querySelectorAll<SVGElement>('[data-id]')) {
        if (lit.has(element.dataset.id!)) element.dataset.lit = '';
      }
      this.toggleAttribute('data-route-failed', !ok);
      routeText.textContent = describeRoute(hops, ok);
      clearTimeout(litTimer);
      litTimer = setTimeout(() => {
        lit = new Set();
        for (const element of drawing.querySelectorAll<SVGElement>('[data-lit]')) delete element.dataset.lit;
      }, litForMs);
    };

    lab.addEventListener('objects', () => void refresh());
    lab.addEventListener('traffic', (event) => {
      const { path, ok } = (event as CustomEvent<{ path: RouteHop[]; ok: boolean }>).detail;
      light(path, ok);
    });
    lab.addEventListener('reset', () => {
      routeText.textContent = '';
      void refresh();
    });
    new ResizeObserver(redraw).observe(drawing);
    draw();
  }
}
if (!customElements.get('cluster-map')) customElements.define('cluster-map', ClusterMap);
