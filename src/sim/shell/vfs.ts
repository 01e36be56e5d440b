/**
 * The workstation's file system, shared by the shell and the page's editor: text files only,
 * paths resolved against a working directory like a POSIX shell does.
 */
export const HOME = '/home/learner';

export class VirtualFs {
  #files = new Map<string, string>();
  /** Directories made with `mkdir` (others exist because files are in them). */
  #dirs = new Set<string>();
  cwd: string;
  readonly home: string;

  constructor(home = HOME) {
    this.home = home;
    this.cwd = home;
  }

  resolve(path: string): string {
    const absolute = path.startsWith('/')
      ? path
      : path.startsWith('~/')
        ? `${this.home}/${path.slice(2)}`
        : path === '~'
          ? this.home
          : `${this.cwd}/${path}`;
    const parts: string[] = [];
    for (const part of absolute.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') parts.pop();
      else parts.push(part);
    }
    return `/${parts.join('/')}`;
  }

  read(path: string): string | undefined {
    return this.#files.get(this.resolve(path));
  }

  write(path: string, content: string): void {
    this.#files.set(this.resolve(path), content);
  }

  append(path: string, content: string): void {
    const resolved = this.resolve(path);
    this.#files.set(resolved, (this.#files.get(resolved) ?? '') + content);
  }

  remove(path: string): boolean {
    return this.#files.delete(this.resolve(path));
  }

  mkdir(path: string): void {
    this.#dirs.add(this.resolve(path));
  }

  /** Remove an empty directory made with `mkdir`; false when it has entries or is not one. */
  rmdir(path: string): boolean {
    const resolved = this.resolve(path);
    if (this.list(resolved).length > 0) return false;
    return this.#dirs.delete(resolved);
  }

  exists(path: string): boolean {
    return this.#files.has(this.resolve(path));
  }

  /** Whether `path` is a directory: the home, the root, or a prefix of some file. */
  isDirectory(path: string): boolean {
    const resolved = this.resolve(path);
    if (resolved === '/' || resolved === this.home || this.home.startsWith(`${resolved}/`)) return true;
    for (const dir of this.#dirs) if (dir === resolved || dir.startsWith(`${resolved}/`)) return true;
    for (const file of this.#files.keys()) if (file.startsWith(`${resolved}/`)) return true;
    return false;
  }

  /** Entries directly inside `dir` (files and subdirectories), sorted. */
  list(dir = '.'): string[] {
    const resolved = this.resolve(dir);
    const prefix = resolved === '/' ? '/' : `${resolved}/`;
    const names = new Set<string>();
    for (const file of this.#files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      names.add(slash < 0 ? rest : `${rest.slice(0, slash)}/`);
    }
    for (const dir of this.#dirs) {
      if (!dir.startsWith(prefix) || dir === resolved) continue;
      names.add(`${dir.slice(prefix.length).split('/')[0]}/`);
    }
    return [...names].sort();
  }

  /** Files under `dir`, recursively, as absolute paths (for `kubectl apply -f DIR`). */
  filesUnder(dir: string): string[] {
    const prefix = `${this.resolve(dir)}/`;
    return [...this.#files.keys()].filter((f) => f.startsWith(prefix)).sort();
  }

  snapshot(): { cwd: string; files: Record<string, string>; dirs?: string[] } {
    return { cwd: this.cwd, files: Object.fromEntries(this.#files), dirs: [...this.#dirs] };
  }

  restore(snapshot: { cwd: string; files: Record<string, string>; dirs?: string[] }): void {
    this.cwd = snapshot.cwd;
    this.#files = new Map(Object.entries(snapshot.files));
    this.#dirs = new Set(snapshot.dirs ?? []);
  }
}
