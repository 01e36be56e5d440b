// tsc does not read .astro files (Astro's own checker does): the element tests import components
// only to render them with the Container API, so their type is all that is needed here.
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}
