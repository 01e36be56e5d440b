/**
 * The files `-f` names, as kubectl's builder expands them: `-` is stdin, a directory gives its
 * `.json`, `.yaml` and `.yml` files in lexical order (subdirectories only with `-R`), a file is read
 * whatever its extension, and a path that is not there is `the path "x" does not exist`.
 */
import type { VirtualFs } from '../../shell/vfs.ts';

export interface ManifestSource {
  /** The name kubectl shows in messages: the path as given, or joined under a directory; `STDIN`. */
  name: string;
  text: string;
}

const EXTENSIONS = ['.json', '.yaml', '.yml'];

export class SourceError extends Error {}

export function expandFilenames(
  fs: VirtualFs,
  filenames: readonly string[],
  recursive: boolean,
  stdin: string,
): ManifestSource[] {
  const sources: ManifestSource[] = [];
  for (const filename of filenames) {
    if (filename === '-') {
      sources.push({ name: 'STDIN', text: stdin });
      continue;
    }
    if (/^https?:\/\//.test(filename)) {
      throw new SourceError(
        `unable to read URL "${filename}", server reported 404 Not Found, status code=404`,
      );
    }
    if (fs.exists(filename)) {
      sources.push({ name: filename, text: fs.read(filename) ?? '' });
      continue;
    }
    if (fs.isDirectory(filename)) {
      sources.push(...walk(fs, cleanPath(filename), recursive));
      continue;
    }
    throw new SourceError(`the path "${filename}" does not exist`);
  }
  return sources;
}

function walk(fs: VirtualFs, dir: string, recursive: boolean): ManifestSource[] {
  const sources: ManifestSource[] = [];
  for (const entry of fs.list(dir)) {
    const path = dir === '.' ? entry.replace(/\/$/, '') : `${dir}/${entry.replace(/\/$/, '')}`;
    if (entry.endsWith('/')) {
      if (recursive) sources.push(...walk(fs, path, recursive));
    } else if (EXTENSIONS.some((ext) => entry.endsWith(ext))) {
      sources.push({ name: path, text: fs.read(path) ?? '' });
    }
  }
  return sources;
}

/** filepath.Join cleans the directory name: `dir/` → `dir`, `./dir` → `dir`. */
function cleanPath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}
