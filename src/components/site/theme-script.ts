/**
 * Runs before first paint so a chosen theme never flashes: inline, tiny, no module. Astro hashes
 * only the scripts it processes, so astro.config.mjs adds this one's hash to the pages'
 * Content-Security-Policy; ThemeScript.astro inlines it.
 */
export const themeScript = `try {
  const theme = localStorage.getItem('kube101:theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {}`;
