/**
 * Which Chromium the browser tests and `npm run bench:site` drive, and how to start it:
 * `CHROME_PATH` when set, else a system Chromium or Chrome, else the headless Chromium that the npm
 * package @sparticuz/chromium ships (Linux x64), unpacked once per version into node_modules/.cache
 * with the NSS libraries it links, and given the DejaVu fonts of the npm package dejavu-fonts-ttf
 * (Debian's default fonts, so the terminal has the same columns as in Debian's Chromium): it needs
 * nothing from the system.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ChromiumLaunch {
  /** Where it came from, for messages. */
  source: string;
  executablePath: string;
  args: string[];
  /** Extra environment for the browser process. */
  env: Record<string, string>;
}

/** As root on a closed network: no sandbox, and none of Chromium's own connections to Google. */
const commonArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const systemPaths = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const packageDir = fileURLToPath(new URL('../../node_modules/@sparticuz/chromium/', import.meta.url));
const dejavuDir = fileURLToPath(new URL('../../node_modules/dejavu-fonts-ttf/ttf/', import.meta.url));
const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/kube101-chromium/', import.meta.url));

/** The Chromium to drive, or why there is none. */
export async function findChromium(): Promise<ChromiumLaunch | { missing: string }> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) return { missing: `CHROME_PATH=${fromEnv} does not exist` };
    return { source: 'CHROME_PATH', executablePath: fromEnv, args: commonArgs, env: {} };
  }
  const system = systemPaths.find((path) => existsSync(path));
  if (system) return { source: 'system', executablePath: system, args: commonArgs, env: {} };
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return {
      missing:
        `no Chromium: @sparticuz/chromium ships Linux x64 only (this is ${process.platform} ${process.arch}); ` +
        'install Chrome or Chromium, or set CHROME_PATH',
    };
  }
  if (!existsSync(join(packageDir, 'package.json')) || !existsSync(dejavuDir)) {
    return {
      missing:
        'no Chromium: the devDependencies @sparticuz/chromium and dejavu-fonts-ttf are not installed (npm install)',
    };
  }
  return unpackPackagedChromium();
}

async function unpackPackagedChromium(): Promise<ChromiumLaunch> {
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const dir = join(cacheDir, version);
  if (!existsSync(join(dir, 'ready'))) {
    const unpacking = `${dir}.unpacking-${process.pid}`;
    rmSync(unpacking, { recursive: true, force: true });
    mkdirSync(unpacking, { recursive: true });
    await inflateInto(unpacking);
    writeFileSync(join(unpacking, 'ready'), '');
    try {
      renameSync(unpacking, dir);
    } catch {
      rmSync(unpacking, { recursive: true, force: true }); // another process finished first
    }
  }
  const fontsConf = join(dir, 'fonts.conf');
  writeFileSync(fontsConf, fontconfig(dir));
  return {
    source: `@sparticuz/chromium ${version}`,
    executablePath: join(dir, 'chromium'),
    args: commonArgs,
    env: { FONTCONFIG_FILE: fontsConf, LD_LIBRARY_PATH: join(dir, 'al2023', 'lib') },
  };
}

/**
 * The package's `inflate` writes each archive into os.tmpdir() (its executablePath() would share
 * /tmp/chromium with every other checkout on the machine). TMPDIR points at `target` only while
 * the calls pick their output paths, which they do before their first await.
 */
async function inflateInto(target: string): Promise<void> {
  const { inflate } = await import('@sparticuz/chromium');
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = target;
  let inflating: Promise<string>[];
  try {
    inflating = ['chromium.br', 'al2023.tar.br'].map((file) => inflate(join(packageDir, 'bin', file)));
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  await Promise.all(inflating);
}

/** Only the DejaVu fonts, and the generic families mapped to them as Debian does. */
function fontconfig(dir: string): string {
  const alias = (generic: string, family: string) =>
    `  <alias><family>${generic}</family><prefer><family>${family}</family></prefer></alias>\n`;
  return (
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n' +
    `  <dir>${dejavuDir}</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n` +
    alias('sans-serif', 'DejaVu Sans') +
    alias('serif', 'DejaVu Serif') +
    alias('monospace', 'DejaVu Sans Mono') +
    '</fontconfig>\n'
  );
}
