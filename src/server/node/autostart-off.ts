// Imported before @astrojs/node's server module, which starts listening as it loads unless told not
// to: entry.ts starts it itself, with security headers. Whether the caller (`astro preview`) asked
// for no server at all is kept.
export const autostart = process.env.ASTRO_NODE_AUTOSTART !== 'disabled';
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
