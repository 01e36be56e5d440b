/**
 * Reads the `+enum` string types of k8s.io/api packages from their Go source, the way kube-openapi's
 * generator does (k8s.io/kube-openapi/pkg/generators/enum.go), so that the OpenAPI documents can carry the
 * enums a real API server serves.
 *
 * Why: the documents checked into kubernetes (api/openapi-spec/v3) are captured with the OpenAPIEnums
 * feature gate off (hack/update-openapi-spec.sh), while a 1.35 API server has it on by default and serves,
 * for each field of an enum type, `enum: [...]` and a "Possible enum values:" paragraph in its description.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GoPackage {
  /** Directory of the package's Go files. */
  dir: string;
  /** Import path, e.g. `k8s.io/api/core/v1`. */
  importPath: string;
  /** Prefix of its OpenAPI definition names, e.g. `io.k8s.api.core.v1`. */
  definitionPrefix: string;
}

interface EnumValue {
  name: string;
  value: string;
  comment: string;
}

/** Where in a property's schema the enum goes, as kube-openapi places it. */
export type EnumPlacement = 'property' | 'items' | 'additionalProperties';

export interface EnumField {
  definition: string;
  property: string;
  placement: EnumPlacement;
  /** Sorted as kube-openapi sorts them (by their Go-quoted form). */
  values: string[];
  /** `Possible enum values:` and one line per value; only for a field whose own type is the enum. */
  descriptionLines: string[];
}

interface ParsedFile {
  lines: string[];
  /** Line index → the comment group that ends on that line (its text lines, as ast.CommentGroup.Text()). */
  commentGroupEndingAt: Map<number, string[]>;
  imports: Map<string, string>;
}

function parseFile(source: string): ParsedFile {
  const lines = source.split('\n');
  const commentGroupEndingAt = new Map<number, string[]>();
  let group: string[] | undefined;
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    const lineComment = /^\/\/(.*)$/.exec(trimmed);
    // A comment after code on the same line starts a group of its own, as go/ast groups comments.
    const trailing = lineComment
      ? undefined
      : /^[^"`/]*(?:"[^"]*"[^"`/]*|`[^`]*`[^"`/]*)*\/\/(.*)$/.exec(trimmed);
    if (lineComment) {
      group = group ?? [];
      group.push(lineComment[1] ?? '');
      commentGroupEndingAt.set(index, group);
    } else if (trailing) {
      group = [trailing[1] ?? ''];
      commentGroupEndingAt.set(index, group);
    } else {
      group = undefined;
    }
  });
  const imports = new Map<string, string>();
  for (const match of source.matchAll(/^\s*(?:([\w.]+)\s+)?"([\w./-]+)"\s*$/gm)) {
    const path = match[2] ?? '';
    imports.set(match[1] ?? path.split('/').pop() ?? path, path);
  }
  return { lines, commentGroupEndingAt: finishGroups(commentGroupEndingAt), imports };
}

/** Applies ast.CommentGroup.Text(): strip `//` and one space, drop directives, trim, squeeze blank lines. */
function finishGroups(groups: Map<number, string[]>): Map<number, string[]> {
  const finished = new Map<number, string[]>();
  for (const [end, raw] of groups) {
    const isLast = groups.get(end + 1) !== raw;
    if (!isLast) continue;
    const text: string[] = [];
    for (const comment of raw) {
      if (/^(line |extern |export |[a-z0-9]+:[a-z0-9])/.test(comment)) continue;
      const line = (comment.startsWith(' ') ? comment.slice(1) : comment).replace(/\s+$/, '');
      if (line === '' && (text.length === 0 || text[text.length - 1] === '')) continue;
      text.push(line);
    }
    while (text.length && text[text.length - 1] === '') text.pop();
    finished.set(end, text);
  }
  return finished;
}

function goQuote(value: string): string {
  return JSON.stringify(value);
}

/** kube-openapi's enumValue.Description(). */
function describeValue(value: EnumValue): string {
  let comment = value.comment.trim();
  if (comment.startsWith(value.name)) comment = comment.slice(value.name.length);
  comment = comment.trim().replace(/\s+/g, ' ');
  return ` - \`${goQuote(value.value)}\` ${comment}`;
}

function goFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.go') && !name.endsWith('_test.go') && !name.includes('generated'))
    .sort()
    .map((name) => join(dir, name));
}

export function readEnumFields(packages: readonly GoPackage[]): EnumField[] {
  const files = packages.flatMap((pkg) =>
    goFiles(pkg.dir).map((path) => ({ pkg, file: parseFile(readFileSync(path, 'utf8')) })),
  );
  const enums = new Map<string, EnumValue[]>();
  const key = (pkg: GoPackage, name: string) => `${pkg.importPath}.${name}`;

  for (const { pkg, file } of files) {
    file.lines.forEach((line, index) => {
      const typeDecl = /^type (\w+) string\s*$/.exec(line);
      const doc = file.commentGroupEndingAt.get(index - 1) ?? [];
      if (typeDecl?.[1] && doc.some((text) => /^\s*\+enum\b/.test(text)))
        enums.set(key(pkg, typeDecl[1]), []);
    });
  }
  for (const { pkg, file } of files) {
    file.lines.forEach((line, index) => {
      const constant = /^\s*(?:const\s+)?(\w+)\s+(\w+)\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(line);
      if (!constant?.[1] || !constant[2]) return;
      const values = enums.get(key(pkg, constant[2]));
      if (!values) return;
      const value: EnumValue = {
        name: constant[1],
        value: JSON.parse(`"${constant[3] ?? ''}"`) as string,
        comment: (file.commentGroupEndingAt.get(index - 1) ?? []).join(' '),
      };
      // kube-openapi keeps one case per value: the one with the longer comment.
      const existing = values.findIndex((candidate) => candidate.value === value.value);
      if (existing < 0) values.push(value);
      else if ((values[existing]?.comment.length ?? 0) < value.comment.length) values[existing] = value;
    });
  }

  // A struct embedded with `json:",inline"` has no definition of its own: its fields are the embedder's.
  const inlinedInto = new Map<string, string>();
  for (const { file } of files) {
    let struct: string | undefined;
    for (const line of file.lines) {
      struct = /^type (\w+) struct \{/.exec(line)?.[1] ?? (line === '}' ? undefined : struct);
      const embedded = /^\t(\w+)\s+`json:",inline"/.exec(line);
      if (struct && embedded?.[1]) inlinedInto.set(embedded[1], struct);
    }
  }

  const fields: EnumField[] = [];
  for (const { pkg, file } of files) {
    let struct: string | undefined;
    for (const line of file.lines) {
      const start = /^type (\w+) struct \{/.exec(line);
      if (start?.[1]) {
        struct = start[1];
        continue;
      }
      if (line === '}') struct = undefined;
      if (!struct) continue;
      const field = /^\t\w+\s+(\*|\[\]|map\[string\])?(?:(\w+)\.)?(\w+)\s+`json:"(\w+)[,"]/.exec(line);
      if (!field?.[3] || !field[4]) continue;
      const typePkg = field[2] ? file.imports.get(field[2]) : pkg.importPath;
      const values = typePkg ? enums.get(`${typePkg}.${field[3]}`) : undefined;
      if (!values?.length) continue;
      const placement: EnumPlacement =
        field[1] === '[]' ? 'items' : field[1] === 'map[string]' ? 'additionalProperties' : 'property';
      fields.push({
        definition: `${pkg.definitionPrefix}.${inlinedInto.get(struct) ?? struct}`,
        property: field[4],
        placement,
        values: values.map((value) => value.value).sort((a, b) => compareStrings(goQuote(a), goQuote(b))),
        descriptionLines:
          placement === 'property'
            ? [
                'Possible enum values:',
                ...values
                  .map(describeValue)
                  .map((text) => text.trimEnd())
                  .sort(compareStrings),
              ]
            : [],
      });
    }
  }
  return fields;
}

/** Go's sort.Strings: byte order. */
function compareStrings(a: string, b: string): number {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return Buffer.compare(left, right);
}
