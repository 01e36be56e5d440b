import { getViteConfig } from 'astro/config';

// Astro's Vite config, so that a test renders a component with the Container API and then upgrades
// its markup with the element's module, as the page does.
export default getViteConfig({
  test: {
    name: 'elements',
    include: ['tests/unit/**/*-element.test.ts'],
    testTimeout: 20_000,
  },
});
